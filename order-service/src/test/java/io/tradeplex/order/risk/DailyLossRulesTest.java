package io.tradeplex.order.risk;

import io.tradeplex.contracts.orders.Side;
import io.tradeplex.contracts.portfolio.DailyPnl;
import io.tradeplex.contracts.users.UserState;
import io.tradeplex.order.execution.Rejection;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class DailyLossRulesTest {
    private static final UUID USER = UUID.randomUUID();
    private static final UUID ACCOUNT = UUID.randomUUID();
    private static final UUID TIGHT_ACCOUNT = UUID.randomUUID();
    private static final UserState.Limits LIMITS = limits("25");
    /** 20:00 UTC on 10 March is already 01:30 on 11 March in Asia/Kolkata. */
    private static final Instant NOW = Instant.parse("2026-03-10T20:00:00Z");
    private static final LocalDate UTC_DAY = LocalDate.parse("2026-03-10");

    @Test
    void aLossAtTheLimitRefusesNamingTheLossAndTheLimitButOneCentLessDoesNot() {
        Optional<Rejection> refused = check(state(null), pnl(UTC_DAY, "-25"), ACCOUNT, Side.BUY, "1", List.of());
        assertThat(code(refused)).isEqualTo(DailyLossRules.DAILY_LOSS_LIMIT);
        assertThat(refused.get().reason()).contains("-25.00 USD").contains("limit is 25 USD").contains("2026-03-10 (UTC)");

        assertThat(check(state(null), pnl(UTC_DAY, "-24.99"), ACCOUNT, Side.BUY, "1", List.of())).isEmpty();
        assertThat(check(state(null), pnl(UTC_DAY, "40"), ACCOUNT, Side.BUY, "1", List.of())).isEmpty();
        assertThat(check(state(null), Optional.empty(), ACCOUNT, Side.BUY, "1", List.of())).isEmpty();
    }

    @Test
    void anOrderThatOnlyReducesAPositionPassesOneThatAddsOrFlipsBeyondItDoesNot() {
        List<Exposure> held = List.of(new Exposure(ACCOUNT, "BTC-USD", new BigDecimal("2"), BigDecimal.ZERO,
                new BigDecimal("0.5")));
        Optional<DailyPnl> lost = pnl(UTC_DAY, "-30");
        assertThat(check(state(null), lost, ACCOUNT, Side.SELL, "1.5", held)).isEmpty();
        // 2 held, 0.5 already offered: selling 3.6 more could leave a short of 2.1, a bigger position than now.
        assertThat(code(check(state(null), lost, ACCOUNT, Side.SELL, "3.6", held))).isEqualTo(DailyLossRules.DAILY_LOSS_LIMIT);
        assertThat(code(check(state(null), lost, ACCOUNT, Side.BUY, "0.1", held))).isEqualTo(DailyLossRules.DAILY_LOSS_LIMIT);
    }

    @Test
    void theDayIsTheUsersTradingDayInTheirZoneAndAPastDayNeverBlocks() {
        LocalDate kolkataDay = UTC_DAY.plusDays(1);
        assertThat(code(check(state("Asia/Kolkata"), pnl(kolkataDay, "-30"), ACCOUNT, Side.BUY, "1", List.of())))
                .isEqualTo(DailyLossRules.DAILY_LOSS_LIMIT);
        // In Kolkata the UTC date is already yesterday.
        assertThat(check(state("Asia/Kolkata"), pnl(UTC_DAY, "-30"), ACCOUNT, Side.BUY, "1", List.of())).isEmpty();
        // Without a zone the day is UTC's, and in UTC the Kolkata date has not begun.
        assertThat(code(check(state(null), pnl(UTC_DAY, "-30"), ACCOUNT, Side.BUY, "1", List.of())))
                .isEqualTo(DailyLossRules.DAILY_LOSS_LIMIT);
        assertThat(check(state(null), pnl(kolkataDay, "-30"), ACCOUNT, Side.BUY, "1", List.of())).isEmpty();
        assertThat(check(state(null), pnl(UTC_DAY.minusDays(1), "-300"), ACCOUNT, Side.BUY, "1", List.of())).isEmpty();
    }

    @Test
    void anAccountWithATighterLimitIsHeldToItForTheUsersDayAndForItsOwn() {
        // The user's day at -12: within their 25, beyond the tight account's 10.
        assertThat(check(state(null), pnl(UTC_DAY, "-12"), ACCOUNT, Side.BUY, "1", List.of())).isEmpty();
        Optional<Rejection> tight = check(state(null), pnl(UTC_DAY, "-12"), TIGHT_ACCOUNT, Side.BUY, "1", List.of());
        assertThat(code(tight)).isEqualTo(DailyLossRules.DAILY_LOSS_LIMIT);
        assertThat(tight.get().reason()).contains("-12.00 USD").contains("limit is 10 USD");

        // The tight account lost 11 while another account made up for it.
        Optional<DailyPnl> offset = Optional.of(new DailyPnl(1, USER, UTC_DAY, "UTC", new BigDecimal("-4"), BigDecimal.ZERO,
                BigDecimal.ZERO, new BigDecimal("-4"), 3, new BigDecimal("25"), List.of(
                new DailyPnl.Account(TIGHT_ACCOUNT, new BigDecimal("-11"), BigDecimal.ZERO, BigDecimal.ZERO,
                        new BigDecimal("-11"), 2),
                new DailyPnl.Account(ACCOUNT, new BigDecimal("7"), BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("7"), 1)),
                NOW));
        assertThat(code(check(state(null), offset, TIGHT_ACCOUNT, Side.BUY, "1", List.of())))
                .isEqualTo(DailyLossRules.DAILY_LOSS_LIMIT);
        assertThat(check(state(null), offset, ACCOUNT, Side.BUY, "1", List.of())).isEmpty();
    }

    @Test
    void withoutALimitNothingIsRefused() {
        UserState noLimits = new UserState(1, USER, "u@example.test", "basic", "ACTIVE", true, List.of("trader"),
                List.of("trading:trade"), NOW, false, null, null, ACCOUNT, List.of());
        assertThat(check(noLimits, pnl(UTC_DAY, "-1000"), ACCOUNT, Side.BUY, "1", List.of())).isEmpty();
    }

    private static Optional<Rejection> check(UserState state, Optional<DailyPnl> pnl, UUID account, Side side,
                                             String quantity, List<Exposure> held) {
        return DailyLossRules.check(state, pnl,
                new ExposureRules.Ask(account, "BTC-USD", side, new BigDecimal(quantity), new BigDecimal("100")), held, NOW);
    }

    private static UserState state(String timeZone) {
        return new UserState(1, USER, "u@example.test", "basic", "ACTIVE", true, List.of("trader"),
                List.of("trading:trade"), NOW, false, LIMITS, null, ACCOUNT, List.of(
                new UserState.Account(ACCOUNT, "paper", "READY", null, null, LIMITS),
                new UserState.Account(TIGHT_ACCOUNT, "paper", "READY", null, null, limits("10"))), timeZone);
    }

    private static Optional<DailyPnl> pnl(LocalDate day, String netPnl) {
        BigDecimal net = new BigDecimal(netPnl);
        return Optional.of(new DailyPnl(1, USER, day, "UTC", net, BigDecimal.ZERO, BigDecimal.ZERO, net, 1,
                new BigDecimal("25"), List.of(), NOW));
    }

    private static UserState.Limits limits(String maxDailyLossUsd) {
        return new UserState.Limits(new BigDecimal("1000"), new BigDecimal("1000"), new BigDecimal(maxDailyLossUsd), 5,
                List.of(UserState.ANY_SYMBOL), null);
    }

    private static String code(Optional<Rejection> rejection) {
        return rejection.map(Rejection::code).orElse("none");
    }
}
