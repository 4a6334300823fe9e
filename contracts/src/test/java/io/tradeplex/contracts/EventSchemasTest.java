package io.tradeplex.contracts;

import io.tradeplex.contracts.audit.AuditEvent;
import io.tradeplex.contracts.auth.EmailVerified;
import io.tradeplex.contracts.auth.SessionRevoked;
import io.tradeplex.contracts.auth.UserRegistered;
import io.tradeplex.contracts.controls.GlobalKillSwitch;
import io.tradeplex.contracts.market.MarketTick;
import io.tradeplex.contracts.orders.CancelOrder;
import io.tradeplex.contracts.orders.OrderAccepted;
import io.tradeplex.contracts.orders.OrderCancelled;
import io.tradeplex.contracts.orders.OrderFilled;
import io.tradeplex.contracts.orders.OrderRejected;
import io.tradeplex.contracts.orders.OrderStatus;
import io.tradeplex.contracts.orders.OrderType;
import io.tradeplex.contracts.orders.PlaceOrder;
import io.tradeplex.contracts.orders.Side;
import io.tradeplex.contracts.portfolio.DailyLossLimitBreached;
import io.tradeplex.contracts.portfolio.DailyPnl;
import io.tradeplex.contracts.portfolio.PositionChanged;
import io.tradeplex.contracts.strategies.StrategyFailed;
import io.tradeplex.contracts.strategies.StrategySignal;
import io.tradeplex.contracts.strategies.StrategySignalRejected;
import io.tradeplex.contracts.strategies.StrategyStarted;
import io.tradeplex.contracts.strategies.StrategyStopped;
import io.tradeplex.contracts.users.UserState;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class EventSchemasTest {
    private static final UUID USER = UUID.randomUUID();
    private static final UUID ORDER = UUID.randomUUID();
    private static final UUID ACCOUNT = UUID.randomUUID();
    private static final UUID STRATEGY = UUID.randomUUID();
    private static final Instant NOW = Instant.parse("2026-11-24T10:15:30.123Z");
    private static final UserState.Limits LIMITS = new UserState.Limits(new BigDecimal("200"), new BigDecimal("200"),
            new BigDecimal("100"), 5, List.of("BTC-USD", "ETH-USD"),
            new UserState.TradingHours("Asia/Kolkata", List.of("MONDAY", "FRIDAY"), "09:15", "15:30"));

    static List<Event> samples() {
        return List.of(
                new UserRegistered(1, USER, "admin@tradeplex.local", "Ana", List.of("trader"), NOW),
                new UserRegistered(1, USER, "bo@example.test", "Bo", List.of("trader"), NOW,
                        new UserRegistered.Onboarding(UUID.randomUUID(), "pro", new BigDecimal("150"), null, 3,
                                List.of("BTC-USD"), true)),
                new GlobalKillSwitch(1, true, "exchange outage", USER, NOW),
                new MarketTick(1, "BTC-USD", new BigDecimal("64000.12"), "simulated", 42, NOW),
                new PlaceOrder(1, ORDER, USER, ACCOUNT, "paper", "c-1", "BTC-USD", Side.BUY, OrderType.MARKET,
                        new BigDecimal("0.01"), null, "api", NOW),
                new CancelOrder(1, ORDER, USER, NOW),
                new OrderAccepted(1, ORDER, USER, ACCOUNT, "paper", "c-1", "BTC-USD", Side.BUY, OrderType.LIMIT,
                        new BigDecimal("0.01"), new BigDecimal("63000"), NOW),
                new OrderRejected(1, ORDER, USER, ACCOUNT, "c-1", "BTC-USD", "RISK_MAX_POSITION", "too big", NOW),
                new OrderFilled(1, ORDER, USER, ACCOUNT, "paper", "c-1", "BTC-USD", Side.SELL, "paper-1",
                        new BigDecimal("0.01"), new BigDecimal("64000.12"), new BigDecimal("0.64"), "USD",
                        new BigDecimal("0.01"), new BigDecimal("64000.12"), OrderStatus.FILLED, NOW),
                new OrderCancelled(1, ORDER, USER, ACCOUNT, "c-1", "BTC-USD", BigDecimal.ZERO, "user", NOW),
                new PositionChanged(1, USER, ACCOUNT, "BTC-USD", new BigDecimal("-0.5"), new BigDecimal("64000"),
                        new BigDecimal("-12.5"), "ev-1", NOW),
                new DailyPnl(1, USER, LocalDate.of(2026, 11, 24), "Asia/Kolkata", new BigDecimal("-3.5"),
                        new BigDecimal("0.25"), new BigDecimal("-20.1"), new BigDecimal("-23.85"), 4,
                        new BigDecimal("25"), List.of(new DailyPnl.Account(ACCOUNT, new BigDecimal("-3.5"),
                        new BigDecimal("0.25"), new BigDecimal("-20.1"), new BigDecimal("-23.85"), 4)), NOW),
                new DailyPnl(1, USER, LocalDate.of(2026, 11, 24), "UTC", BigDecimal.ZERO, BigDecimal.ZERO,
                        BigDecimal.ZERO, BigDecimal.ZERO, 0, null, List.of(), NOW),
                new DailyLossLimitBreached(1, USER, LocalDate.of(2026, 11, 24), "UTC", new BigDecimal("-25.01"),
                        new BigDecimal("25"), NOW),
                new StrategyStarted(1, USER, STRATEGY, "sma-crossover", ACCOUNT, List.of("BTC-USD", "ETH-USD"), "1m", NOW),
                new StrategyStopped(1, USER, STRATEGY, "user", null, NOW),
                new StrategyFailed(1, USER, STRATEGY, "STRATEGY_TOO_SLOW", "a bar took 1500 ms, the budget is 1000 ms", NOW),
                new StrategySignal(1, USER, STRATEGY, ACCOUNT, "BTC-USD", Side.BUY, new BigDecimal("0.0015"), "ENTRY",
                        "fast SMA 64100 crossed above slow SMA 64050", NOW, ORDER,
                        "s:" + STRATEGY + ":1764000000:0", NOW),
                new StrategySignalRejected(1, USER, STRATEGY, ORDER, "s:" + STRATEGY + ":1764000000:0", "BTC-USD",
                        "MAX_POSITION_SIZE", "too big", NOW),
                new AuditEvent(1, USER, USER, "admin.users.list", AuditEvent.DENIED, "PERMISSION_MISSING",
                        "/api/v1/admin/users", "127.0.0.1", Map.of("permission", "system:manage-users"), NOW),
                new SessionRevoked(1, USER, UUID.randomUUID(), "logout", NOW, NOW.plusSeconds(900)),
                new EmailVerified(1, USER, "ana@example.test", NOW),
                new UserState(1, USER, "ana@example.test", "basic", "ACTIVE", false, List.of("trader"),
                        List.of("trading:trade", "data:view-own"), NOW, false, null, null, null, List.of()),
                new UserState(1, USER, "ana@example.test", "pro", "ACTIVE", true, List.of("trader"),
                        List.of("trading:trade"), NOW, true, LIMITS,
                        new UserState.KillSwitch("stepping away", "user", USER, NOW), ACCOUNT,
                        List.of(new UserState.Account(ACCOUNT, "kite", "LOGIN_REQUIRED", new BigDecimal("10000.00"),
                                NOW, LIMITS, new UserState.Egress("http://10.0.0.5:3128", "10.0.0.17")),
                                new UserState.Account(UUID.randomUUID(), "binance", "READY", new BigDecimal("500"), null,
                                        LIMITS, new UserState.Egress(null, "fd00::17"))), "Asia/Kolkata"));
    }

    @Test
    void everyRegisteredTypeHasASchemaAndASample() {
        assertThat(EventTypes.all().keySet()).allSatisfy(type -> assertThat(EventSchemas.exists(type)).as(type).isTrue());
        assertThat(samples()).extracting(Event::eventType).containsAll(EventTypes.all().keySet());
    }

    @Test
    void whatTheRecordsSerialiseToConformsToTheirSchema() {
        for (Event sample : samples()) {
            assertThat(EventSchemas.violations(sample.eventType(), EventJson.write(sample))).as(sample.eventType()).isEmpty();
        }
    }

    @Test
    void moneyIsWrittenAsDecimalStringsAndReadBackExactly() throws Exception {
        MarketTick tick = new MarketTick(1, "ETH-USD", new BigDecimal("0.10000000000000001"), "simulated", 1, NOW);
        String json = EventJson.write(tick);
        assertThat(EventJson.mapper().readTree(json).get("price").isTextual()).isTrue();
        assertThat(EventJson.read(json, MarketTick.class)).isEqualTo(tick);
    }

    @Test
    void schemasRejectWhatBreaksTheContract() {
        String floatPrice = "{\"schemaVersion\":1,\"symbol\":\"BTC-USD\",\"price\":64000.1,\"source\":\"s\",\"sequence\":1,"
                + "\"time\":\"2026-11-24T10:15:30Z\"}";
        assertThat(EventSchemas.violations(MarketTick.TYPE, floatPrice)).isNotEmpty();

        Map<String, Object> missingUser = Map.of("schemaVersion", 1, "orderId", ORDER.toString(), "requestedAt", NOW.toString());
        assertThat(EventSchemas.violations(CancelOrder.TYPE, EventJson.mapper().valueToTree(missingUser).toString())).isNotEmpty();

        UserState proxyWithPassword = new UserState(1, USER, "ana@example.test", "basic", "ACTIVE", false, List.of(),
                List.of(), NOW, false, null, null, null, List.of(new UserState.Account(ACCOUNT, "kite", "READY",
                BigDecimal.TEN, null, null, new UserState.Egress("http://user:secret@10.0.0.5:3128", null))));
        assertThat(EventSchemas.violations(UserState.TYPE, EventJson.write(proxyWithPassword))).isNotEmpty();
    }
}
