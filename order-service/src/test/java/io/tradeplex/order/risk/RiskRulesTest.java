package io.tradeplex.order.risk;

import io.tradeplex.contracts.controls.GlobalKillSwitch;
import io.tradeplex.contracts.orders.OrderType;
import io.tradeplex.contracts.users.UserState;
import io.tradeplex.order.execution.Rejection;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class RiskRulesTest {
    private static final UUID USER = UUID.randomUUID();
    private static final UUID ACCOUNT = UUID.randomUUID();
    /** A Wednesday, 10:00 in Kolkata. */
    private static final Instant NOW = Instant.parse("2026-11-25T04:30:00Z");
    private static final UserState.Limits BASIC = new UserState.Limits(usd("50"), usd("50"), usd("25"), 2,
            List.of("BTC-USD", "ETH-USD"), null);
    private static final RiskRules.Ask SMALL_BTC = new RiskRules.Ask(ACCOUNT, "BTC-USD", OrderType.MARKET, usd("0.0005"), null);

    @Test
    void anOrderWithinEveryLimitPasses() {
        assertThat(check(state(BASIC, null, List.of()), null, SMALL_BTC)).isEmpty();
    }

    @Test
    void theGlobalKillSwitchComesFirstAndNamesItsReason() {
        GlobalKillSwitch on = new GlobalKillSwitch(1, true, "exchange outage", UUID.randomUUID(), NOW);
        assertThat(check(Optional.empty(), on, SMALL_BTC)).get()
                .satisfies(rejection -> {
                    assertThat(rejection.code()).isEqualTo(RiskRules.GLOBAL_KILL_SWITCH);
                    assertThat(rejection.reason()).contains("exchange outage");
                });
    }

    @Test
    void theUsersKillSwitchRejects() {
        UserState.KillSwitch kill = new UserState.KillSwitch("tilted", "user", USER, NOW);
        assertThat(code(check(state(BASIC, kill, List.of()), null, SMALL_BTC))).isEqualTo(RiskRules.KILL_SWITCH);
    }

    @Test
    void aSymbolOutsideTheTierAndAnOrderAboveTheSizeLimitAreRejected() {
        assertThat(code(check(state(BASIC, null, List.of()), null,
                new RiskRules.Ask(ACCOUNT, "SOL-USD", OrderType.LIMIT, usd("0.1"), usd("150")))))
                .isEqualTo(RiskRules.SYMBOL_NOT_ALLOWED);
        assertThat(code(check(state(BASIC, null, List.of()), null,
                new RiskRules.Ask(ACCOUNT, "BTC-USD", OrderType.LIMIT, usd("0.01"), usd("64000")))))
                .isEqualTo(RiskRules.ORDER_SIZE_LIMIT);
        assertThat(code(check(state(BASIC, null, List.of()), null,
                new RiskRules.Ask(ACCOUNT, "BTC-USD", OrderType.MARKET, usd("0.01"), null))))
                .isEqualTo(RiskRules.ORDER_SIZE_LIMIT);
        UserState.Limits enterprise = new UserState.Limits(usd("1000"), usd("1000"), usd("500"), 20, List.of("*"), null);
        assertThat(check(state(enterprise, null, List.of()), null,
                new RiskRules.Ask(ACCOUNT, "SOL-USD", OrderType.LIMIT, usd("6"), usd("150")))).isEmpty();
    }

    @Test
    void aMarketOrderWithNoKnownPriceCannotBeSizedAndIsRejected() {
        assertThat(code(RiskRules.check(state(BASIC, null, List.of()), Optional.empty(), SMALL_BTC, Optional.empty(), NOW)))
                .isEqualTo(RiskRules.PRICE_UNAVAILABLE);
    }

    @Test
    void anAccountsTighterLimitsAndItsSessionAreHonoured() {
        UserState.Limits tighter = new UserState.Limits(usd("20"), usd("20"), usd("10"), 1, List.of("BTC-USD"), null);
        UserState.Account ready = new UserState.Account(ACCOUNT, "kite", "READY", usd("1000"), NOW.plusSeconds(60), tighter);
        assertThat(code(check(state(BASIC, null, List.of(ready)), null, SMALL_BTC))).isEqualTo(RiskRules.ORDER_SIZE_LIMIT);

        UserState.Account expired = new UserState.Account(ACCOUNT, "kite", "READY", usd("1000"), NOW.minusSeconds(1), BASIC);
        assertThat(check(state(BASIC, null, List.of(expired)), null, SMALL_BTC)).get()
                .satisfies(rejection -> {
                    assertThat(rejection.code()).isEqualTo(RiskRules.ACCOUNT_LOGIN_REQUIRED);
                    assertThat(rejection.reason()).contains("log in");
                });
        UserState.Account closed = new UserState.Account(ACCOUNT, "paper", "CLOSED", usd("1000"), null, BASIC);
        assertThat(code(check(state(BASIC, null, List.of(closed)), null, SMALL_BTC))).isEqualTo(RiskRules.ACCOUNT_CLOSED);
    }

    @Test
    void tradingHoursIncludingAWindowAcrossMidnight() {
        UserState.Limits office = withHours(new UserState.TradingHours("Asia/Kolkata", List.of("WEDNESDAY"), "09:15", "15:30"));
        assertThat(check(state(office, null, List.of()), null, SMALL_BTC)).isEmpty();
        UserState.Limits weekend = withHours(new UserState.TradingHours("Asia/Kolkata", List.of("SATURDAY"), "09:15", "15:30"));
        assertThat(code(check(state(weekend, null, List.of()), null, SMALL_BTC))).isEqualTo(RiskRules.OUTSIDE_TRADING_HOURS);

        UserState.TradingHours night = new UserState.TradingHours("UTC", List.of("TUESDAY"), "22:00", "06:00");
        assertThat(RiskRules.within(night, Instant.parse("2026-11-25T04:30:00Z"))).isTrue();   // Wednesday early, Tuesday's night
        assertThat(RiskRules.within(night, Instant.parse("2026-11-25T23:00:00Z"))).isFalse();  // Wednesday night
        assertThat(RiskRules.within(night, Instant.parse("2026-11-24T22:00:00Z"))).isTrue();   // opens, inclusive
    }

    private static UserState.Limits withHours(UserState.TradingHours hours) {
        return new UserState.Limits(BASIC.maxPositionSizeUsd(), BASIC.maxOrderSizeUsd(), BASIC.maxDailyLossUsd(),
                BASIC.maxOpenPositions(), BASIC.allowedSymbols(), hours);
    }

    private static Optional<Rejection> check(Optional<UserState> state, GlobalKillSwitch global, RiskRules.Ask ask) {
        return RiskRules.check(state, Optional.ofNullable(global), ask, Optional.of(usd("64000")), NOW);
    }

    private static String code(Optional<Rejection> rejection) {
        return rejection.map(Rejection::code).orElse("none");
    }

    private static Optional<UserState> state(UserState.Limits limits, UserState.KillSwitch kill, List<UserState.Account> accounts) {
        return Optional.of(new UserState(1, USER, "u@example.test", "basic", "ACTIVE", true, List.of("trader"),
                List.of("trading:trade"), NOW, false, limits, kill, ACCOUNT, accounts));
    }

    private static BigDecimal usd(String value) {
        return new BigDecimal(value);
    }
}
