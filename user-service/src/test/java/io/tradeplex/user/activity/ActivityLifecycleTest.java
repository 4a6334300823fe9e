package io.tradeplex.user.activity;

import io.quarkus.test.junit.QuarkusTest;
import io.tradeplex.contracts.Event;
import io.tradeplex.contracts.EventJson;
import io.tradeplex.contracts.EventSchemas;
import io.tradeplex.contracts.Topics;
import io.tradeplex.contracts.orders.OrderAccepted;
import io.tradeplex.contracts.orders.OrderCancelled;
import io.tradeplex.contracts.orders.OrderFilled;
import io.tradeplex.contracts.orders.OrderRejected;
import io.tradeplex.contracts.orders.OrderStatus;
import io.tradeplex.contracts.orders.OrderType;
import io.tradeplex.contracts.orders.Side;
import io.tradeplex.contracts.strategies.StrategyFailed;
import io.tradeplex.contracts.strategies.StrategySignal;
import io.tradeplex.contracts.strategies.StrategySignalRejected;
import io.tradeplex.contracts.strategies.StrategyStarted;
import io.tradeplex.contracts.strategies.StrategyStopped;
import io.tradeplex.testing.KafkaProbe;
import io.tradeplex.testing.TestTokens;
import io.tradeplex.user.support.UserDb;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The order and strategy lifecycle, read from orders.v1 and strategies.v1, in each user's own activity log. */
@QuarkusTest
class ActivityLifecycleTest {
    private static final String ORDERS = "test." + Topics.ORDERS;
    private static final String STRATEGIES = "test." + Topics.STRATEGIES;
    private static final String DEAD_LETTERS = "test." + Topics.DEAD_LETTER;
    private static final String MY_ACTIVITY = "/api/v1/me/activity";
    private static final Duration EVENT_TIMEOUT = Duration.ofSeconds(60);
    private static final Instant NINE = LocalDate.now(ZoneOffset.UTC).atTime(9, 0).toInstant(ZoneOffset.UTC);
    private static KafkaProbe kafka;

    @Inject
    Pool pool;

    /** The ids of one user's account, orders (one that fills, one refused) and strategy in the lifecycle sent. */
    private record Trader(UUID userId, UUID accountId, UUID orderId, UUID rejectedOrderId, UUID strategyId) {
        static Trader random() {
            return new Trader(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                    UUID.randomUUID());
        }
    }

    /** A type this service does not know, as a newer order-service might publish. */
    private record OrderAmended(int schemaVersion, UUID orderId, UUID userId, Instant amendedAt) implements Event {
        @Override
        public String eventType() {
            return "tradeplex.order.amended.v1";
        }
    }

    @BeforeAll
    static void openKafka() {
        kafka = new KafkaProbe();
    }

    @AfterAll
    static void closeKafka() {
        kafka.close();
    }

    @Test
    void eachUserSeesExactlyTheirOwnOrderAndStrategyLifecycle() {
        Trader alice = Trader.random();
        Trader bob = Trader.random();
        for (Trader trader : List.of(alice, bob)) {
            sendLifecycle(trader);
        }

        for (Trader trader : List.of(alice, bob)) {
            Trader other = trader == alice ? bob : alice;
            List<Map<String, Object>> log = awaitEntries(trader.userId(), 9);
            assertThat(log.toString()).doesNotContain(other.userId().toString()).doesNotContain(other.orderId().toString());
            String user = trader.userId().toString();
            String account = trader.accountId().toString();
            String order = "/api/v1/orders/" + trader.orderId();
            String strategy = "/api/v1/strategies/" + trader.strategyId();
            // action → kind, outcome, reason, accountId, resource, actorId
            assertEntry(log, "order.accepted", "order", "ALLOWED", null, account, order, user);
            assertEntry(log, "order.filled", "order", "ALLOWED", null, account, order, null);
            assertEntry(log, "order.cancelled", "order", "ALLOWED", null, account, order, user);
            assertEntry(log, "order.rejected", "order", "DENIED", "MAX_POSITION_SIZE", account,
                    "/api/v1/orders/" + trader.rejectedOrderId(), user);
            assertEntry(log, "strategy.started", "strategy", "ALLOWED", null, account, strategy, user);
            assertEntry(log, "strategy.signal", "strategy", "ALLOWED", null, account, strategy, null);
            assertEntry(log, "strategy.signal.rejected", "strategy", "DENIED", "SYMBOL_NOT_ALLOWED", null, strategy, null);
            assertEntry(log, "strategy.failed", "strategy", "FAILED", "STRATEGY_TOO_SLOW", null, strategy, null);
            assertEntry(log, "strategy.stopped", "strategy", "ALLOWED", null, null, strategy, null);
            // The event's own time, not when it was consumed.
            assertThat(log).filteredOn(e -> e.get("action").equals("order.filled")).singleElement()
                    .satisfies(e -> {
                        assertThat(e.get("occurredAt")).isEqualTo(NINE.plusSeconds(2).toString());
                        assertThat(e.get("details")).isEqualTo(Map.ofEntries(Map.entry("symbol", "BTC-USD"),
                                Map.entry("side", "BUY"), Map.entry("fillId", "paper-" + trader.orderId()),
                                Map.entry("quantity", "0.5"), Map.entry("price", "65000.25"), Map.entry("fee", "32.5"),
                                Map.entry("feeCurrency", "USD"), Map.entry("filledQuantity", "0.5"),
                                Map.entry("avgFillPrice", "65000.25"), Map.entry("status", "FILLED"),
                                Map.entry("clientOrderId", "my-order")));
                    });
            assertThat(log).filteredOn(e -> e.get("action").equals("strategy.failed")).singleElement()
                    .satisfies(e -> assertThat((String) ((Map<?, ?>) e.get("details")).get("reason"))
                            .hasSizeLessThanOrEqualTo(200).endsWith("…"));

            String token = TestTokens.trader(trader.userId());
            List<String> orderActions = given().auth().oauth2(token).queryParam("kind", "order").get(MY_ACTIVITY)
                    .then().statusCode(200).extract().path("items.action");
            assertThat(orderActions).containsExactlyInAnyOrder("order.accepted", "order.filled", "order.cancelled",
                    "order.rejected");
            List<String> onAccount = given().auth().oauth2(token).queryParam("accountId", account).get(MY_ACTIVITY)
                    .then().statusCode(200).extract().path("items.action");
            assertThat(onAccount).containsExactlyInAnyOrder("order.accepted", "order.filled", "order.cancelled",
                    "order.rejected", "strategy.started", "strategy.signal");

            List<String> lines = given().auth().oauth2(token).get(MY_ACTIVITY + "/" + LocalDate.ofInstant(NINE,
                    ZoneOffset.UTC) + ".log").then().statusCode(200).extract().asString().lines().toList();
            assertThat(lines).hasSize(9);
            assertThat(lines.get(0)).startsWith(LocalDate.ofInstant(NINE, ZoneOffset.UTC) + "T09:00:00.000Z ALLOWED order.accepted order.accepted BUY 0.5 BTC-USD MARKET")
                    .contains("account=" + account);
            assertThat(lines).anySatisfy(line -> assertThat(line)
                    .contains("ALLOWED order.filled order.filled BUY 0.5 BTC-USD @ 65000.25 (FILLED)"));
            assertThat(lines).anySatisfy(line -> assertThat(line).contains(
                    "DENIED order.rejected order.rejected ETH-USD (MAX_POSITION_SIZE): the position would exceed $50"));
            assertThat(lines).anySatisfy(line -> assertThat(line)
                    .contains("ALLOWED strategy.started strategy.started sma-crossover on BTC-USD,ETH-USD (1m)"));
            assertThat(lines).anySatisfy(line -> assertThat(line)
                    .contains("FAILED strategy.failed strategy.failed (STRATEGY_TOO_SLOW): a bar took"));
            assertThat(lines.get(8)).contains("ALLOWED strategy.stopped strategy.stopped by system: user disabled");
        }
        // What was stored, not only what the API shows.
        assertThat(UserDb.query(pool, alice.userId(), "select count(*) from activity where user_id = $1", bob.userId())
                .get(0).getLong(0)).isZero();
    }

    @Test
    void theSameLifecycleEventDeliveredTwiceIsStoredOnce() {
        Trader trader = Trader.random();
        String fillId = UUID.randomUUID().toString();
        String startId = UUID.randomUUID().toString();
        OrderFilled fill = filled(trader, NINE);
        StrategyStarted start = started(trader, NINE);
        kafka.sendWithId(ORDERS, key(trader), fillId, fill);
        kafka.sendWithId(STRATEGIES, key(trader), startId, start);
        kafka.sendWithId(ORDERS, key(trader), fillId, fill);
        kafka.sendWithId(STRATEGIES, key(trader), startId, start);
        // Same partitions (same key), so once these later ones are stored, both copies of each have been consumed.
        kafka.send(ORDERS, key(trader), cancelled(trader, NINE.plusSeconds(5)));
        kafka.send(STRATEGIES, key(trader), stopped(trader, NINE.plusSeconds(5)));

        List<Map<String, Object>> log = awaitEntries(trader.userId(), 4);

        assertThat(log).extracting(e -> e.get("id")).containsOnlyOnce(fillId, startId);
        assertThat(log).extracting(e -> e.get("action"))
                .containsExactlyInAnyOrder("order.filled", "order.cancelled", "strategy.started", "strategy.stopped");
        // The inbox found the copies; they did not fail on the log's primary key and go to the dead-letter topic.
        assertThat(deadLetters(trader)).isEmpty();
    }

    @Test
    void anUnknownEventTypeIsSkippedAndLaterEventsStillArrive() {
        Trader trader = Trader.random();
        kafka.send(ORDERS, key(trader), new OrderAmended(1, trader.orderId(), trader.userId(), NINE));
        kafka.send(STRATEGIES, key(trader), new OrderAmended(1, trader.orderId(), trader.userId(), NINE));
        kafka.send(ORDERS, key(trader), accepted(trader, NINE.plusSeconds(1)));
        kafka.send(STRATEGIES, key(trader), started(trader, NINE.plusSeconds(1)));

        List<Map<String, Object>> log = awaitEntries(trader.userId(), 2);

        assertThat(log).extracting(e -> e.get("action")).containsExactlyInAnyOrder("order.accepted", "strategy.started");
        assertThat(UserDb.query(pool, trader.userId(), "select count(*) from activity").get(0).getLong(0))
                .isEqualTo(2L);
        // Skipped, not failed: nothing for an operator to look at.
        assertThat(deadLetters(trader)).isEmpty();
    }

    /** One of each known type, each checked against its published schema first, as order- and strategy-service do. */
    private static void sendLifecycle(Trader trader) {
        List<Event> orderEvents = List.of(accepted(trader, NINE), filled(trader, NINE.plusSeconds(2)),
                cancelled(trader, NINE.plusSeconds(3)),
                new OrderRejected(OrderRejected.SCHEMA_VERSION, trader.rejectedOrderId(), trader.userId(), trader.accountId(),
                        "my-second-order", "ETH-USD", "MAX_POSITION_SIZE", "the position would exceed $50",
                        NINE.plusSeconds(4)));
        String strategyOrder = StrategySignal.CLIENT_ORDER_ID_PREFIX + trader.strategyId() + ":1764000000:0";
        List<Event> strategyEvents = List.of(started(trader, NINE.plusSeconds(5)),
                new StrategySignal(StrategySignal.SCHEMA_VERSION, trader.userId(), trader.strategyId(),
                        trader.accountId(), "BTC-USD", Side.BUY, new BigDecimal("0.0015"), "ENTRY", "fast SMA crossed up",
                        NINE.minusSeconds(60), UUID.randomUUID(), strategyOrder, NINE.plusSeconds(6)),
                new StrategySignalRejected(StrategySignalRejected.SCHEMA_VERSION, trader.userId(), trader.strategyId(),
                        UUID.randomUUID(), strategyOrder, "DOGE-USD", "SYMBOL_NOT_ALLOWED", "not on your tier",
                        NINE.plusSeconds(7)),
                // A long reason from a misbehaving strategy is kept short in the log.
                new StrategyFailed(StrategyFailed.SCHEMA_VERSION, trader.userId(), trader.strategyId(),
                        "STRATEGY_TOO_SLOW", "a bar took 900 ms, over the 250 ms budget " + "x".repeat(300),
                        NINE.plusSeconds(8)),
                stopped(trader, NINE.plusSeconds(9)));
        for (Event event : orderEvents) {
            assertThat(EventSchemas.violations(event.eventType(), EventJson.write(event))).isEmpty();
            kafka.send(ORDERS, key(trader), event);
        }
        for (Event event : strategyEvents) {
            assertThat(EventSchemas.violations(event.eventType(), EventJson.write(event))).isEmpty();
            kafka.send(STRATEGIES, key(trader), event);
        }
    }

    private static OrderAccepted accepted(Trader trader, Instant at) {
        return new OrderAccepted(OrderAccepted.SCHEMA_VERSION, trader.orderId(), trader.userId(), trader.accountId(),
                "paper", "my-order", "BTC-USD", Side.BUY, OrderType.MARKET, new BigDecimal("0.5"), null, at);
    }

    private static OrderFilled filled(Trader trader, Instant at) {
        return new OrderFilled(OrderFilled.SCHEMA_VERSION, trader.orderId(), trader.userId(), trader.accountId(),
                "paper", "my-order", "BTC-USD", Side.BUY, "paper-" + trader.orderId(), new BigDecimal("0.5"),
                new BigDecimal("65000.25"), new BigDecimal("32.5"), "USD", new BigDecimal("0.5"),
                new BigDecimal("65000.25"), OrderStatus.FILLED, at);
    }

    private static OrderCancelled cancelled(Trader trader, Instant at) {
        return new OrderCancelled(OrderCancelled.SCHEMA_VERSION, trader.orderId(), trader.userId(), trader.accountId(),
                "my-order", "BTC-USD", BigDecimal.ZERO, OrderCancelled.BY_USER, at);
    }

    private static StrategyStarted started(Trader trader, Instant at) {
        return new StrategyStarted(StrategyStarted.SCHEMA_VERSION, trader.userId(), trader.strategyId(),
                "sma-crossover", trader.accountId(), List.of("BTC-USD", "ETH-USD"), "1m", at);
    }

    private static StrategyStopped stopped(Trader trader, Instant at) {
        return new StrategyStopped(StrategyStopped.SCHEMA_VERSION, trader.userId(), trader.strategyId(), "system",
                "user disabled", at);
    }

    private static List<KafkaProbe.Received> deadLetters(Trader trader) {
        return kafka.await(DEAD_LETTERS, key(trader), record -> true, 1, Duration.ofSeconds(5));
    }

    private static String key(Trader trader) {
        return trader.userId().toString();
    }

    private static void assertEntry(List<Map<String, Object>> log, String action, String kind, String outcome,
                                    String reason, String accountId, String resource, String actorId) {
        assertThat(log).filteredOn(e -> e.get("action").equals(action)).singleElement().satisfies(e -> {
            assertThat(e.get("kind")).as(action + " kind").isEqualTo(kind);
            assertThat(e.get("outcome")).as(action + " outcome").isEqualTo(outcome);
            assertThat(e.get("reason")).as(action + " reason").isEqualTo(reason);
            assertThat(e.get("accountId")).as(action + " accountId").isEqualTo(accountId);
            assertThat(e.get("resource")).as(action + " resource").isEqualTo(resource);
            assertThat(e.get("actorId")).as(action + " actorId").isEqualTo(actorId);
        });
    }

    private List<Map<String, Object>> awaitEntries(UUID user, int count) {
        String token = TestTokens.trader(user);
        List<List<Map<String, Object>>> last = new ArrayList<>(List.of(List.of()));
        await().atMost(EVENT_TIMEOUT).untilAsserted(() -> {
            last.set(0, given().auth().oauth2(token).queryParam("limit", 200).get(MY_ACTIVITY)
                    .then().statusCode(200).extract().path("items"));
            assertThat(last.get(0)).hasSize(count);
        });
        return last.get(0);
    }
}
