package io.tradeplex.strategy.runtime;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.specification.RequestSpecification;
import io.tradeplex.contracts.EventJson;
import io.tradeplex.contracts.EventSchemas;
import io.tradeplex.contracts.Topics;
import io.tradeplex.contracts.audit.AuditEvent;
import io.tradeplex.contracts.orders.OrderRejected;
import io.tradeplex.contracts.orders.OrderType;
import io.tradeplex.contracts.orders.PlaceOrder;
import io.tradeplex.contracts.orders.Side;
import io.tradeplex.contracts.strategies.StrategyFailed;
import io.tradeplex.contracts.strategies.StrategySignal;
import io.tradeplex.contracts.strategies.StrategySignalRejected;
import io.tradeplex.contracts.strategies.StrategyStarted;
import io.tradeplex.contracts.strategies.StrategyStopped;
import io.tradeplex.contracts.users.UserState;
import io.tradeplex.strategy.market.bars.Bar;
import io.tradeplex.strategy.market.bars.BarClosed;
import io.tradeplex.strategy.market.bars.BarInterval;
import io.tradeplex.strategy.market.bars.BarRepository;
import io.tradeplex.strategy.user.UserDirectory;
import io.tradeplex.testing.KafkaProbe;
import io.tradeplex.testing.TestTokens;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

/**
 * The live runtime against real Kafka and PostgreSQL: strategies start and stop independently, their signals become
 * order commands with deterministic ids, rejections come back as strategy events, and one user's misbehaving
 * strategy neither delays nor breaks another user's. Closed bars are fired as the market-data feed fires them.
 */
@QuarkusTest
class StrategyRuntimeTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String COMMANDS = "test." + Topics.ORDER_COMMANDS;
    private static final String STRATEGIES = "test." + Topics.STRATEGIES;
    private static final String ORDERS = "test." + Topics.ORDERS;
    private static final String USERS = "test." + Topics.USERS;
    private static final String AUDIT = "test." + Topics.AUDIT;
    private static KafkaProbe kafka;

    @Inject
    Event<BarClosed> bars;
    @Inject
    LiveStrategies live;
    @Inject
    UserDirectory users;
    @Inject
    BarRepository barRepository;

    @BeforeAll
    static void connect() {
        kafka = new KafkaProbe();
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
    }

    @Test
    void aStartedStrategyTurnsItsCrossIntoOneOrderCommandAndStopsCleanly() {
        Trader trader = trader("basic", false);
        String symbol = uniqueSymbol("T");
        String strategyId = create(trader, symbol);
        trader.api().post("/api/v1/strategies/" + strategyId + "/start").then().statusCode(200)
                .body("status", equalTo("RUNNING"));
        assertThat(EventSchemas.violations(StrategyStarted.TYPE, awaitOne(trader, StrategyStarted.TYPE).value())).isEmpty();
        awaitRunning(strategyId);

        Instant t0 = minute();
        feed(symbol, t0, "10", "10", "10", "13");

        KafkaProbe.Received command = kafka.await(COMMANDS, trader.key(), r -> PlaceOrder.TYPE.equals(r.type()), 1, WAIT)
                .get(0);
        PlaceOrder order = EventJson.read(command.value(), PlaceOrder.class);
        Instant crossBar = t0.plus(3, ChronoUnit.MINUTES);
        assertThat(order.clientOrderId()).isEqualTo("s:" + strategyId + ":" + crossBar.getEpochSecond() + ":0");
        assertThat(order.side()).isEqualTo(Side.BUY);
        assertThat(order.type()).isEqualTo(OrderType.MARKET);
        assertThat(order.quantity()).isEqualByComparingTo("7.692307");
        assertThat(order.accountId()).isEqualTo(trader.accountId);
        assertThat(order.broker()).isEqualTo("paper");
        assertThat(order.origin()).isEqualTo("strategy:" + strategyId);
        KafkaProbe.Received signal = awaitOne(trader, StrategySignal.TYPE);
        assertThat(EventSchemas.violations(StrategySignal.TYPE, signal.value())).isEmpty();
        assertThat(EventJson.read(signal.value(), StrategySignal.class).orderId()).isEqualTo(order.orderId());

        // The same bar again (a redelivery) places nothing more.
        bars.fire(new BarClosed(bar(symbol, crossBar, "13")));
        assertThat(kafka.await(COMMANDS, trader.key(), r -> PlaceOrder.TYPE.equals(r.type()), 2, Duration.ofSeconds(2)))
                .hasSize(1);
        trader.api().get("/api/v1/strategies/" + strategyId).then().statusCode(200)
                .body("lastSignal.kind", equalTo("ENTRY")).body("lastSignal.status", equalTo("SENT"))
                .body("lastSignal.clientOrderId", equalTo(order.clientOrderId()));

        trader.api().post("/api/v1/strategies/" + strategyId + "/stop").then().statusCode(200)
                .body("status", equalTo("STOPPED"));
        assertThat(EventSchemas.violations(StrategyStopped.TYPE, awaitOne(trader, StrategyStopped.TYPE).value())).isEmpty();
        await().atMost(WAIT).until(() -> !live.isRunning(UUID.fromString(strategyId)));
        feed(symbol, t0.plus(4, ChronoUnit.MINUTES), "5");
        assertThat(kafka.await(COMMANDS, trader.key(), r -> PlaceOrder.TYPE.equals(r.type()), 2, Duration.ofSeconds(2)))
                .as("a stopped strategy sells nothing").hasSize(1);
    }

    @Test
    void aFreshStrategyWarmsUpOnTheStoredBarsAndSignalsOnTheFirstLiveOne() throws Throwable {
        Trader trader = trader("basic", false);
        String symbol = uniqueSymbol("W");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        // The slow window (3 bars) is stored already: without a warm-up one live bar could not give a signal.
        List<Bar> stored = List.of(bar(symbol, now.minus(3, ChronoUnit.MINUTES), "10"),
                bar(symbol, now.minus(2, ChronoUnit.MINUTES), "10"), bar(symbol, now.minus(1, ChronoUnit.MINUTES), "10"));
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> barRepository.insert(stored)));
        String strategyId = create(trader, symbol);
        trader.api().post("/api/v1/strategies/" + strategyId + "/start").then().statusCode(200);
        awaitRunning(strategyId);

        // A stored bar announced again (a bar that closed while it started) is not taken twice.
        bars.fire(new BarClosed(stored.get(2)));
        feed(symbol, now, "13");

        PlaceOrder order = EventJson.read(kafka.await(COMMANDS, trader.key(), r -> PlaceOrder.TYPE.equals(r.type()), 1,
                WAIT).get(0).value(), PlaceOrder.class);
        assertThat(order.clientOrderId()).isEqualTo("s:" + strategyId + ":" + now.getEpochSecond() + ":0");
        assertThat(order.side()).isEqualTo(Side.BUY);
    }

    @Test
    void aRiskRejectionOfItsOrderComesBackAsAStrategyEvent() {
        Trader trader = trader("basic", false);
        String symbol = uniqueSymbol("R");
        String strategyId = create(trader, symbol);
        trader.api().post("/api/v1/strategies/" + strategyId + "/start").then().statusCode(200);
        awaitRunning(strategyId);
        feed(symbol, minute(), "10", "10", "10", "13");
        PlaceOrder order = EventJson.read(kafka.await(COMMANDS, trader.key(), r -> PlaceOrder.TYPE.equals(r.type()), 1,
                WAIT).get(0).value(), PlaceOrder.class);

        kafka.send(ORDERS, trader.key(), new OrderRejected(OrderRejected.SCHEMA_VERSION, order.orderId(), trader.userId,
                trader.accountId, order.clientOrderId(), symbol, "MAX_POSITION_SIZE", "The position would be too big",
                Instant.now()));

        KafkaProbe.Received rejected = awaitOne(trader, StrategySignalRejected.TYPE);
        assertThat(EventSchemas.violations(StrategySignalRejected.TYPE, rejected.value())).isEmpty();
        StrategySignalRejected event = EventJson.read(rejected.value(), StrategySignalRejected.class);
        assertThat(event.strategyId()).isEqualTo(UUID.fromString(strategyId));
        assertThat(event.rejectCode()).isEqualTo("MAX_POSITION_SIZE");
        await().atMost(WAIT).untilAsserted(() -> trader.api().get("/api/v1/strategies/" + strategyId).then()
                .body("lastSignal.status", equalTo("REJECTED")).body("lastSignal.rejectCode", equalTo("MAX_POSITION_SIZE")));
    }

    /**
     * Bound stated: while user A's strategy spins for three seconds on a bar, user B's signal on a bar fired just after
     * is recorded within two seconds (well under the spin, so B never waited for A; typically tens of milliseconds on
     * a quiet machine); A's strategy is stopped as FAILED after its 500 ms budget.
     */
    @Test
    void aStrategyThatSpinsForSecondsDoesNotDelayAnotherUsersSignal() {
        Trader spinner = trader("basic", false);
        Trader bystander = trader("basic", false);
        String spinSymbol = uniqueSymbol("SPIN");
        String calmSymbol = uniqueSymbol("C");
        String spinning = create(spinner, spinSymbol);
        String calm = create(bystander, calmSymbol);
        spinner.api().post("/api/v1/strategies/" + spinning + "/start").then().statusCode(200);
        bystander.api().post("/api/v1/strategies/" + calm + "/start").then().statusCode(200);
        awaitRunning(spinning);
        awaitRunning(calm);
        Instant t0 = minute();
        feed(calmSymbol, t0, "10", "10", "10");

        bars.fire(new BarClosed(bar(spinSymbol, t0, "10")));
        long fired = System.nanoTime();
        bars.fire(new BarClosed(bar(calmSymbol, t0.plus(3, ChronoUnit.MINUTES), "13")));
        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(20)).untilAsserted(() ->
                bystander.api().get("/api/v1/strategies/" + calm).then().body("lastSignal.kind", equalTo("ENTRY")));
        long millis = (System.nanoTime() - fired) / 1_000_000;
        System.out.printf("isolation: the bystander's signal was recorded %d ms after its bar, while another user's "
                + "strategy spun%n", millis);

        KafkaProbe.Received failed = awaitOne(spinner, StrategyFailed.TYPE);
        assertThat(EventSchemas.violations(StrategyFailed.TYPE, failed.value())).isEmpty();
        assertThat(EventJson.read(failed.value(), StrategyFailed.class).code()).isEqualTo("STRATEGY_TOO_SLOW");
        spinner.api().get("/api/v1/strategies/" + spinning).then().body("status", equalTo("FAILED"));
        bystander.api().get("/api/v1/strategies/" + calm).then().body("status", equalTo("RUNNING"));
    }

    @Test
    void aStrategyThatThrowsFailsAloneAndItsUsersOtherStrategiesRunOn() {
        Trader trader = trader("pro", false);
        String boomSymbol = uniqueSymbol("BOOM");
        String calmSymbol = uniqueSymbol("C");
        String broken = create(trader, boomSymbol);
        String fine = create(trader, calmSymbol);
        trader.api().post("/api/v1/strategies/" + broken + "/start").then().statusCode(200);
        trader.api().post("/api/v1/strategies/" + fine + "/start").then().statusCode(200);
        awaitRunning(broken);
        awaitRunning(fine);
        Instant t0 = minute();
        bars.fire(new BarClosed(bar(boomSymbol, t0, "10")));
        feed(calmSymbol, t0, "10", "10", "10", "13");

        KafkaProbe.Received failed = awaitOne(trader, StrategyFailed.TYPE);
        assertThat(EventJson.read(failed.value(), StrategyFailed.class).code()).isEqualTo("STRATEGY_ERROR");
        await().atMost(WAIT).untilAsserted(() -> trader.api().get("/api/v1/strategies/" + fine).then()
                .body("status", equalTo("RUNNING")).body("lastSignal.kind", equalTo("ENTRY")));
        trader.api().get("/api/v1/strategies/" + broken).then().body("status", equalTo("FAILED"))
                .body("statusReason", org.hamcrest.Matchers.containsString("boom"));
    }

    @Test
    void aStrategyThatLeavesAndComesBackResumesFromItsSnapshot() {
        Trader trader = trader("basic", false);
        String symbol = uniqueSymbol("M");
        String strategyId = create(trader, symbol);
        trader.api().post("/api/v1/strategies/" + strategyId + "/start").then().statusCode(200);
        awaitRunning(strategyId);
        Instant t0 = minute();
        feed(symbol, t0, "10", "10", "10", "13");
        kafka.await(COMMANDS, trader.key(), r -> PlaceOrder.TYPE.equals(r.type()), 1, WAIT);

        // As when its partition moves to another instance (or this one restarts): it leaves, keeping its snapshot…
        UUID id = UUID.fromString(strategyId);
        live.deactivate(id).await().atMost(WAIT);
        assertThat(live.isRunning(id)).isFalse();
        // …and is loaded again where its user's partition is held, with the position its entry bought.
        live.activateAll(user -> user.equals(trader.userId));
        awaitRunning(strategyId);
        feed(symbol, t0.plus(4, ChronoUnit.MINUTES), "5");

        List<KafkaProbe.Received> commands = kafka.await(COMMANDS, trader.key(), r -> PlaceOrder.TYPE.equals(r.type()),
                2, WAIT);
        assertThat(commands).hasSize(2);
        PlaceOrder exit = EventJson.read(commands.get(1).value(), PlaceOrder.class);
        assertThat(exit.side()).isEqualTo(Side.SELL);
        assertThat(exit.quantity()).isEqualByComparingTo("7.692307");
    }

    @Test
    void theTierCapsRunningStrategiesAndTradeOnlyUsersMayStartButNotCreate() {
        Trader trader = trader("basic", false);
        List<String> ids = List.of(create(trader, uniqueSymbol("A")), create(trader, uniqueSymbol("A")),
                create(trader, uniqueSymbol("A")));
        trader.api().post("/api/v1/strategies/" + ids.get(0) + "/start").then().statusCode(200);
        trader.api().post("/api/v1/strategies/" + ids.get(1) + "/start").then().statusCode(200);
        trader.api().post("/api/v1/strategies/" + ids.get(2) + "/start").then().statusCode(422)
                .contentType("application/problem+json").body("code", equalTo("STRATEGY_LIMIT"));
        trader.api().post("/api/v1/strategies/" + ids.get(0) + "/stop").then().statusCode(200);
        trader.api().post("/api/v1/strategies/" + ids.get(2) + "/start").then().statusCode(200);

        Trader tradeOnly = trader("basic", true);
        tradeOnly.api().body(createBody(tradeOnly, uniqueSymbol("A"))).post("/api/v1/strategies").then()
                .statusCode(403).body("code", equalTo("TRADE_ONLY"));
    }

    @Test
    void anotherUsersStrategyIsNotFoundAndBadInputNamesTheField() {
        Trader owner = trader("basic", false);
        Trader other = trader("basic", false);
        String strategyId = create(owner, uniqueSymbol("A"));
        for (String path : List.of("", "/signals")) {
            other.api().get("/api/v1/strategies/" + strategyId + path).then().statusCode(404)
                    .contentType("application/problem+json");
        }
        other.api().post("/api/v1/strategies/" + strategyId + "/start").then().statusCode(404);
        other.api().delete("/api/v1/strategies/" + strategyId).then().statusCode(404);
        other.api().get("/api/v1/strategies").then().statusCode(200).body("$", hasSize(0));
        owner.api().get("/api/v1/strategies/" + strategyId).then().body("status", equalTo("STOPPED"));

        // Someone else's account is refused as not the caller's.
        other.api().body(Map.of("template", "sma-crossover", "accountId", owner.accountId.toString(),
                        "symbols", List.of("BTC-USD"), "params", smaParams()))
                .post("/api/v1/strategies").then().statusCode(422).body("errors.field", hasItem("accountId"));
        owner.api().body(Map.of("template", "sma-crossover", "accountId", "nope", "symbols", List.of("btc"),
                        "params", Map.of("fastPeriod", 9, "slowPeriod", 3, "orderSizeUsd", "100"), "interval", "2m"))
                .post("/api/v1/strategies").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("accountId")).body("errors.field", hasItem("symbols[0]"))
                .body("errors.field", hasItem("interval"));
        owner.api().get("/api/v1/strategies").then().body("$", hasSize(1));
    }

    // ---- helpers ----

    record Trader(UUID userId, UUID accountId, String token) {
        RequestSpecification api() {
            return given().auth().oauth2(token).contentType("application/json");
        }

        String key() {
            return userId.toString();
        }
    }

    @Test
    void refusalsLandInTheCallersActivityLogOnlyAndChangesAreAudited() {
        Trader owner = trader("basic", false);
        Trader attacker = trader("basic", false);
        Trader tradeOnly = trader("basic", true);
        String strategyId = create(owner, uniqueSymbol("A"));
        owner.api().body(Map.of("params", Map.of("fastPeriod", 3, "slowPeriod", 5, "orderSizeUsd", "50")))
                .put("/api/v1/strategies/" + strategyId + "/params").then().statusCode(200);

        attacker.api().get("/api/v1/strategies/" + strategyId).then().statusCode(404);
        attacker.api().post("/api/v1/strategies/" + strategyId + "/start").then().statusCode(404);
        attacker.api().body(Map.of("params", smaParams())).put("/api/v1/strategies/" + strategyId + "/params")
                .then().statusCode(404);
        attacker.api().body(Map.of("template", "sma-crossover", "accountId", owner.accountId.toString(),
                "symbols", List.of("BTC-USD"), "params", smaParams())).post("/api/v1/strategies").then().statusCode(422);
        tradeOnly.api().body(createBody(tradeOnly, uniqueSymbol("A"))).post("/api/v1/strategies").then().statusCode(403);

        List<AuditEvent> denied = audits(attacker, AuditEvent.DENIED, 4);
        assertThat(denied).extracting(AuditEvent::action).containsExactlyInAnyOrder("strategy.read", "strategy.start",
                "strategy.params.change", "strategy.create");
        assertThat(denied).extracting(AuditEvent::reason).containsOnly("NOT_FOUND", "ACCOUNT_NOT_FOUND");
        assertThat(denied).filteredOn(event -> !"strategy.create".equals(event.action()))
                .extracting(AuditEvent::resource).containsOnly("/api/v1/strategies/" + strategyId);
        assertThat(audits(tradeOnly, AuditEvent.DENIED, 1)).singleElement()
                .satisfies(event -> assertThat(event.reason()).isEqualTo("TRADE_ONLY"));

        List<AuditEvent> owners = audits(owner, AuditEvent.ALLOWED, 2);
        assertThat(owners).extracting(AuditEvent::action).containsExactly("strategy.create", "strategy.params.change");
        assertThat(owners.get(1).details().get("params")).contains("\"fastPeriod\":3");
        assertThat(kafka.await(AUDIT, owner.key(), record -> record.value().contains("\"DENIED\""), 1,
                Duration.ofSeconds(2))).as("the attacker's attempts are not in the owner's log").isEmpty();
    }

    private static List<AuditEvent> audits(Trader trader, String outcome, int count) {
        List<AuditEvent> events = kafka.await(AUDIT, trader.key(), record -> {
            if (!AuditEvent.TYPE.equals(record.type())) {
                return false;
            }
            AuditEvent event = EventJson.read(record.value(), AuditEvent.class);
            return outcome.equals(event.outcome()) && event.action().startsWith("strategy.");
        }, count, WAIT).stream().map(record -> EventJson.read(record.value(), AuditEvent.class)).toList();
        assertThat(events).as("%s %s audit events of %s", count, outcome, trader.userId()).hasSize(count);
        return events;
    }

    private Trader trader(String tier, boolean tradeOnly) {
        UUID userId = UUID.randomUUID();
        UUID accountId = UUID.randomUUID();
        kafka.send(USERS, userId.toString(), new UserState(UserState.SCHEMA_VERSION, userId, userId + "@example.test",
                tier, UserState.STATUS_ACTIVE, true, List.of("trader"), List.of("trading:trade"), Instant.now(),
                tradeOnly, null, null, accountId, List.of(new UserState.Account(accountId, "paper", "READY",
                new BigDecimal("10000"), null, null))));
        await().atMost(WAIT).until(() -> users.account(userId, accountId).isPresent());
        return new Trader(userId, accountId, TestTokens.trader(userId));
    }

    private static Map<String, Object> smaParams() {
        return Map.of("fastPeriod", 2, "slowPeriod", 3, "orderSizeUsd", "100");
    }

    private static Map<String, Object> createBody(Trader trader, String symbol) {
        return Map.of("template", "sma-crossover", "accountId", trader.accountId.toString(), "symbols", List.of(symbol),
                "params", smaParams(), "interval", "1m");
    }

    private static String create(Trader trader, String symbol) {
        return trader.api().body(createBody(trader, symbol)).post("/api/v1/strategies").then().statusCode(201)
                .body("status", equalTo("STOPPED")).extract().path("strategyId");
    }

    private void awaitRunning(String strategyId) {
        await().atMost(WAIT).until(() -> live.isRunning(UUID.fromString(strategyId)));
    }

    private static KafkaProbe.Received awaitOne(Trader trader, String type) {
        List<KafkaProbe.Received> found = kafka.await(STRATEGIES, trader.key(), r -> type.equals(r.type()), 1, WAIT);
        assertThat(found).as(type).hasSize(1);
        return found.get(0);
    }

    /** Consecutive one-minute bars from {@code start}, closing at the given prices. */
    private void feed(String symbol, Instant start, String... closes) {
        for (int i = 0; i < closes.length; i++) {
            bars.fire(new BarClosed(bar(symbol, start.plus(i, ChronoUnit.MINUTES), closes[i])));
        }
    }

    private static Bar bar(String symbol, Instant openTime, String close) {
        BigDecimal price = new BigDecimal(close);
        return new Bar(symbol, BarInterval.M1, openTime, price, price, price, price, BigDecimal.ZERO);
    }

    private static Instant minute() {
        return Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(1, ChronoUnit.DAYS);
    }

    private static String uniqueSymbol(String prefix) {
        StringBuilder symbol = new StringBuilder(prefix);
        while (symbol.length() < 10) {
            symbol.append((char) ('A' + ThreadLocalRandom.current().nextInt(26)));
        }
        return symbol.append("-USD").toString();
    }
}
