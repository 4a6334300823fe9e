package io.tradeplex.order.reconcile;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.mutiny.Uni;
import io.tradeplex.contracts.Topics;
import io.tradeplex.contracts.market.MarketTick;
import io.tradeplex.contracts.orders.OrderAccepted;
import io.tradeplex.contracts.orders.OrderFilled;
import io.tradeplex.kit.tenant.Tenant;
import io.tradeplex.order.support.FakeBinanceResource;
import io.tradeplex.order.support.FakeUserService;
import io.tradeplex.order.support.TestTopics;
import io.tradeplex.testing.KafkaProbe;
import io.tradeplex.testing.TestTokens;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import static io.restassured.RestAssured.given;
import static io.tradeplex.order.support.FakeBinanceResource.BINANCE;
import static io.tradeplex.testing.RowLevelSecurityProbe.run;
import static io.tradeplex.testing.RowLevelSecurityProbe.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * Orders whose fate at Binance we do not know (a lost answer, a crash mid-send) and orders resting there, brought in
 * line with what Binance holds, against a local Binance that verifies every signature. The periodic sweep is off in
 * tests ({@code %test.tradeplex.reconciliation.interval=0s}): a test runs it itself when it wants it, so every lookup
 * the fake counts has a known author. The resting poll runs on its timer (every second).
 */
@QuarkusTest
@QuarkusTestResource(FakeUserService.class)
@QuarkusTestResource(FakeBinanceResource.class)
class ReconciliationTest {
    /** What the adapter's own lookup after a lost answer tries before it leaves the order to reconciliation. */
    private static final int INLINE_LOOKUPS = 5;
    /**
     * Lookups answered 400 -1021 (outside recvWindow): Binance tells nothing, yet a 4xx is an answer, so the account's
     * circuit breaker stays closed and every lookup reaches the fake, where it is counted.
     */
    private static final int LOOKUP_REFUSED = 400;
    private static final KafkaProbe KAFKA = new KafkaProbe();
    private static final AtomicLong TICKS = new AtomicLong(System.currentTimeMillis());

    @Inject
    ReconciliationDriver driver;
    @Inject
    CommandPartitions partitions;
    @Inject
    KafkaClientService kafkaClients;

    @AfterEach
    void binanceAnswersAgain() {
        BINANCE.failLookups(0);
    }

    @AfterAll
    static void closeProbe() {
        KAFKA.close();
    }

    @Test
    void aLostAnswerTheInlineLookupCouldNotResolveIsReconciledLaterWithBinancesFillAppliedOnce() throws Exception {
        Trader ana = Trader.create();
        String clientOrderId = uniqueId("lost");
        BINANCE.loseNextPlacementAnswer();
        BINANCE.failLookups(LOOKUP_REFUSED);
        String orderId = ana.place("ETH-USD", "MARKET", "0.01", null, clientOrderId);

        awaitInlineLookupGaveUp(clientOrderId);
        ana.order(orderId).body("status", equalTo("ACCEPTED")).body("reconciling", equalTo(true))
                .body("brokerOrderId", nullValue());

        BINANCE.failLookups(0);
        awaitOwned(ana.id());
        // Two sweeps over the same uncertain order at once, each on its own thread: Binance's one trade lands once.
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(ReconciliationTest.this::sweep);
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(ReconciliationTest.this::sweep);
        assertThat(first.get() + second.get()).isGreaterThanOrEqualTo(1);

        ana.order(orderId).body("status", equalTo("FILLED")).body("fills.size()", equalTo(1))
                .body("filledQuantity", equalTo("0.01")).body("reconciling", equalTo(false))
                .body("brokerOrderId", notNullValue());
        sweep();
        ana.order(orderId).body("fills.size()", equalTo(1));
        assertThat(BINANCE.placementsOf(clientOrderId)).isEqualTo(1);
    }

    @Test
    void anOrderACrashLeftSendingIsReconciledWhenItsPartitionIsAssignedNeverSentAgain() throws Throwable {
        Trader bob = Trader.create();
        String clientOrderId = uniqueId("crash");
        // The request reached Binance and filled; the process died before it wrote anything after "sending".
        BINANCE.placeAsIfSent(bob.apiKey(), clientOrderId, "BTCUSDT", "BUY", "MARKET", "0.002", null);
        UUID orderId = UUID.randomUUID();
        run(() -> Tenant.transaction(bob.id(), () -> update("""
                insert into orders (id, user_id, account_id, broker, client_order_id, symbol, side, type, quantity, status,
                                    origin, created_at, updated_at, routing, routed_at)
                values ('%s', :user, '%s', 'binance', '%s', 'BTC-USD', 'BUY', 'MARKET', 0.002, 'ACCEPTED', 'api',
                        now() - interval '1 minute', now() - interval '1 minute', 'SENDING', now() - interval '1 minute')"""
                .formatted(orderId, bob.accountId(), clientOrderId), bob.id())
                .chain(() -> openExposure(bob.id(), bob.accountId(), "BTC-USD", "0.002"))));
        bob.order(orderId.toString()).body("reconciling", equalTo(true));

        // What a restart does to the command consumers: the group rebalances and every partition is assigned anew.
        String channel = kafkaClients.getConsumerChannels().stream().filter(name -> name.startsWith("order-commands"))
                .findFirst().orElseThrow();
        kafkaClients.<String, String>getConsumers(channel).get(0)
                .runOnPollingThread((java.util.function.Consumer<Consumer<String, String>>) Consumer::enforceRebalance)
                .await().atMost(Duration.ofSeconds(10));

        awaitStatus(bob, orderId.toString(), "FILLED").body("fills.size()", equalTo(1))
                .body("filledQuantity", equalTo("0.002")).body("reconciling", equalTo(false));
        assertThat(BINANCE.placementsOf(clientOrderId)).isEqualTo(1);
    }

    @Test
    void aLimitOrderRestingAtBinanceThatFillsThereLaterIsPickedUpByThePoll() {
        Trader cyd = Trader.create();
        BINANCE.price("BTCUSDT", "64000");
        String clientOrderId = uniqueId("rest");
        String orderId = cyd.place("BTC-USD", "LIMIT", "0.001", "50000", clientOrderId);
        awaitConfirmed(cyd, orderId);

        BINANCE.fillRestingOrder(clientOrderId);

        awaitStatus(cyd, orderId, "FILLED").body("fills.size()", equalTo(1)).body("fills[0].price", equalTo("50000"))
                .body("avgFillPrice", equalTo("50000"));
        assertThat(BINANCE.placementsOf(clientOrderId)).isEqualTo(1);
    }

    @Test
    void aLimitOrderCancelledAtBinanceIsCancelledHere() {
        Trader dee = Trader.create();
        BINANCE.price("BTCUSDT", "64000");
        String clientOrderId = uniqueId("gone");
        String orderId = dee.place("BTC-USD", "LIMIT", "0.001", "50000", clientOrderId);
        awaitConfirmed(dee, orderId);

        BINANCE.cancelAtBroker(clientOrderId);

        awaitStatus(dee, orderId, "CANCELLED").body("filledQuantity", equalTo("0")).body("reconciling", equalTo(false));
    }

    @Test
    void aUsersNewOrderWaitsForTheirUncertainOrderAndIsRefusedWhileBinanceCannotTell() {
        Trader eve = Trader.create();
        String lost = uniqueId("lost");
        BINANCE.loseNextPlacementAnswer();
        BINANCE.failLookups(LOOKUP_REFUSED);
        String lostOrderId = eve.place("ETH-USD", "MARKET", "0.01", null, lost);
        awaitInlineLookupGaveUp(lost);
        int lookupsBefore = BINANCE.lookupsOf(lost);

        String refused = uniqueId("wait");
        String refusedOrderId = eve.place("ETH-USD", "MARKET", "0.01", null, refused);
        awaitStatus(eve, refusedOrderId, "REJECTED").body("rejectCode", equalTo("RECONCILING"));
        assertThat(BINANCE.placementsOf(refused)).isZero();
        // While it waited, the lost order was looked up again (and again: Binance still could not tell).
        assertThat(BINANCE.lookupsOf(lost)).isGreaterThan(lookupsBefore + 1);

        BINANCE.failLookups(0);
        String next = uniqueId("next");
        String nextOrderId = eve.place("ETH-USD", "MARKET", "0.01", null, next);
        awaitStatus(eve, nextOrderId, "FILLED");
        eve.order(lostOrderId).body("status", equalTo("FILLED")).body("fills.size()", equalTo(1));

        // The lost order's fill was known before the next order was accepted: it waited, it did not overtake.
        List<KafkaProbe.Received> events = KAFKA.await(TestTopics.of(Topics.ORDERS), eve.id().toString(),
                event -> (OrderFilled.TYPE.equals(event.type()) && event.value().contains(lostOrderId))
                        || (OrderAccepted.TYPE.equals(event.type()) && event.value().contains(nextOrderId)),
                2, Duration.ofSeconds(20));
        assertThat(events).extracting(KafkaProbe.Received::type).containsExactly(OrderFilled.TYPE, OrderAccepted.TYPE);
    }

    @Test
    void aPaperOrderACrashLeftUnroutedIsBookedByTheSweepAndThenFillsOnTheNextTick() throws Throwable {
        UUID cat = UUID.randomUUID();
        String symbol = "R" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36).toUpperCase() + "-USD";
        UUID orderId = UUID.randomUUID();
        UUID account = FakeUserService.paperAccountOf(cat);
        // Accepted two minutes ago, then the process died before the paper book took it: the book reloaded at start
        // without it, as it was written after this instance started.
        run(() -> Tenant.transaction(cat, () -> update("""
                insert into orders (id, user_id, account_id, broker, client_order_id, symbol, side, type, quantity, status,
                                    origin, created_at, updated_at, routing)
                values ('%s', :user, '%s', 'paper', '%s', '%s', 'BUY', 'MARKET', 1, 'ACCEPTED', 'api',
                        now() - interval '2 minutes', now() - interval '2 minutes', 'NOT_SENT')"""
                .formatted(orderId, account, uniqueId("strand"), symbol), cat)
                .chain(() -> openExposure(cat, account, symbol, "1"))));
        String token = TestTokens.trader(cat);
        tick(symbol, "100");
        Thread.sleep(500);
        given().auth().oauth2(token).get("/api/v1/orders/" + orderId).then().body("status", equalTo("ACCEPTED"));

        awaitOwned(cat);
        // The sweep books it, unless a rebalance left over from another test gave this instance the partition again
        // and its on-assignment reconciliation booked it first: either way through PaperBroker.reconcile.
        sweep();

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            tick(symbol, "100");
            given().auth().oauth2(token).get("/api/v1/orders/" + orderId).then().body("status", equalTo("FILLED"))
                    .body("fills.size()", equalTo(1));
        });
    }

    /** What the order's own transaction writes with it: the quantity it may still buy counts in the user's exposure. */
    private static Uni<Integer> openExposure(UUID user, Object accountId, String symbol, String quantity) {
        return update("""
                insert into exposures (user_id, account_id, symbol, open_buy) values (:user, '%s', '%s', %s)
                on conflict (user_id, account_id, symbol) do update set open_buy = exposures.open_buy + excluded.open_buy"""
                .formatted(accountId, symbol, quantity), user);
    }

    private static void tick(String symbol, String price) {
        KAFKA.send(TestTopics.of(Topics.MARKET_TICKS), symbol, new MarketTick(1, symbol, new BigDecimal(price), "test",
                TICKS.incrementAndGet(), Instant.now()));
    }

    /**
     * The adapter's own lookups after the lost answer all failed, and it stopped: the order is reconciliation's now. (A
     * sweep started by a consumer-group rebalance of an earlier test may add a lookup; only the quiet after counts.)
     */
    private static void awaitInlineLookupGaveUp(String clientOrderId) {
        await().atMost(Duration.ofSeconds(20)).until(() -> BINANCE.lookupsOf(clientOrderId) >= INLINE_LOOKUPS);
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            int before = BINANCE.lookupsOf(clientOrderId);
            Thread.sleep(1500);
            return BINANCE.lookupsOf(clientOrderId) == before;
        });
    }

    private void awaitOwned(UUID userId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> partitions.owns(userId));
    }

    private int sweep() {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> driver.sweep());
        } catch (Throwable failure) {
            throw new IllegalStateException(failure);
        }
    }

    private static void awaitConfirmed(Trader trader, String orderId) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                trader.order(orderId).body("status", equalTo("ACCEPTED")).body("brokerOrderId", notNullValue())
                        .body("reconciling", equalTo(false)));
    }

    private static ValidatableResponse awaitStatus(Trader trader, String orderId, String status) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                trader.order(orderId).body("status", equalTo(status)));
        return trader.order(orderId);
    }

    private static String uniqueId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private record Trader(UUID id, String token, UUID accountId, String apiKey) {
        static Trader create() {
            UUID id = UUID.randomUUID();
            String apiKey = "key" + UUID.randomUUID().toString().replace("-", "");
            String apiSecret = "secret" + UUID.randomUUID().toString().replace("-", "");
            BINANCE.register(apiKey, apiSecret);
            return new Trader(id, TestTokens.trader(id), FakeUserService.binanceAccountOf(id, apiKey, apiSecret), apiKey);
        }

        String place(String symbol, String type, String quantity, String limitPrice, String clientOrderId) {
            Map<String, Object> body = new HashMap<>(Map.of("accountId", accountId.toString(), "symbol", symbol,
                    "side", "BUY", "type", type, "quantity", quantity, "clientOrderId", clientOrderId));
            if (limitPrice != null) {
                body.put("limitPrice", limitPrice);
            }
            return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/v1/orders")
                    .then().statusCode(202).extract().path("orderId");
        }

        ValidatableResponse order(String orderId) {
            return given().auth().oauth2(token).get("/api/v1/orders/" + orderId).then().statusCode(200);
        }
    }
}
