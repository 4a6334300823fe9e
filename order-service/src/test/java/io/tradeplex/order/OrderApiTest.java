package io.tradeplex.order;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.tradeplex.contracts.EventJson;
import io.tradeplex.contracts.EventSchemas;
import io.tradeplex.contracts.Topics;
import io.tradeplex.contracts.audit.AuditEvent;
import io.tradeplex.contracts.market.MarketTick;
import io.tradeplex.contracts.orders.OrderFilled;
import io.tradeplex.contracts.orders.PlaceOrder;
import io.tradeplex.order.support.FakeUserService;
import io.tradeplex.order.support.TestTopics;
import io.tradeplex.testing.KafkaProbe;
import io.tradeplex.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@QuarkusTestResource(FakeUserService.class)
class OrderApiTest {
    private static final KafkaProbe KAFKA = new KafkaProbe();
    private static final AtomicLong SEQUENCE = new AtomicLong(System.currentTimeMillis());

    @AfterAll
    static void closeProbe() {
        KAFKA.close();
    }

    @Test
    void aMarketOrderIsAcceptedDurablyAndFillsOnThePaperBrokerAtTheLatestTickPlusSlippage() {
        Trader ana = Trader.create();
        String symbol = uniqueSymbol();

        Response placed = ana.place(symbol, "BUY", "MARKET", "0.5", null, "ana-1");
        placed.then().statusCode(202)
                .header("Location", startsWith("http"))
                .header("Idempotent-Replayed", "false")
                .body("status", equalTo("PENDING"))
                .body("quantity", equalTo("0.5"));
        String orderId = placed.path("orderId");

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            tick(symbol, "100");
            ana.get(orderId).then().statusCode(200).body("status", equalTo("FILLED"));
        });

        Response filled = ana.get(orderId);
        filled.then()
                .body("filledQuantity", equalTo("0.5"))
                .body("avgFillPrice", equalTo("100.05"))
                .body("fills.size()", equalTo(1))
                .body("fills[0].price", equalTo("100.05"))
                .body("fills[0].fee", equalTo("0.050025"))
                .body("fills[0].quantity", equalTo("0.5"));

        List<KafkaProbe.Received> fills = KAFKA.await(TestTopics.of(Topics.ORDERS), ana.id.toString(),
                record -> OrderFilled.TYPE.equals(record.type()), 1, Duration.ofSeconds(20));
        assertThat(fills).hasSize(1);
        KafkaProbe.Received event = fills.get(0);
        assertThat(event.subject()).isEqualTo(ana.id.toString());
        assertThat(event.source()).isEqualTo("order-service");
        assertThat(EventSchemas.violations(OrderFilled.TYPE, event.value())).isEmpty();

        List<KafkaProbe.Received> commands = KAFKA.await(TestTopics.of(Topics.ORDER_COMMANDS), ana.id.toString(),
                record -> PlaceOrder.TYPE.equals(record.type()), 1, Duration.ofSeconds(20));
        assertThat(EventSchemas.violations(PlaceOrder.TYPE, commands.get(0).value())).isEmpty();
    }

    @Test
    void theSameClientOrderIdReturnsTheFirstOrderEvenUnderConcurrentRetries() throws Exception {
        Trader ana = Trader.create();
        String symbol = uniqueSymbol();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            Callable<Response> attempt = () -> ana.place(symbol, "BUY", "LIMIT", "1", "1", "retry-me");
            List<Future<Response>> attempts = pool.invokeAll(java.util.Collections.nCopies(8, attempt));
            List<String> ids = new java.util.ArrayList<>();
            for (Future<Response> result : attempts) {
                Response response = result.get();
                assertThat(response.statusCode()).isEqualTo(202);
                ids.add(response.path("orderId"));
            }
            assertThat(ids).containsOnly(ids.get(0));
        } finally {
            pool.shutdownNow();
        }
        ana.place(symbol, "BUY", "LIMIT", "1", "1", "retry-me").then()
                .statusCode(202).header("Idempotent-Replayed", "true");
        given().auth().oauth2(ana.token).queryParam("symbol", symbol).get("/api/v1/orders")
                .then().statusCode(200).body("size()", equalTo(1));
    }

    /** Many users at once: every accepted order's command must reach Kafka, whatever order their transactions commit in. */
    @Test
    void concurrentOrdersOfManyUsersAreAllRelayedAndAccepted() throws Exception {
        String symbol = uniqueSymbol();
        List<Trader> traders = java.util.stream.Stream.generate(Trader::create).limit(24).toList();
        ExecutorService pool = Executors.newFixedThreadPool(12);
        List<String> orderIds = new java.util.ArrayList<>();
        try {
            for (Future<Response> placed : pool.invokeAll(traders.stream()
                    .<Callable<Response>>map(trader -> () -> trader.place(symbol, "BUY", "LIMIT", "1", "1", "crowd"))
                    .toList())) {
                orderIds.add(placed.get().then().statusCode(202).extract().path("orderId"));
            }
        } finally {
            pool.shutdownNow();
        }
        for (int i = 0; i < traders.size(); i++) {
            Trader trader = traders.get(i);
            String orderId = orderIds.get(i);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    trader.get(orderId).then().body("status", equalTo("ACCEPTED")));
        }
    }

    @Test
    void aLimitOrderRestsUntilTheMarketCrossesItAndFillsAtTheMarketPrice() {
        Trader ana = Trader.create();
        String symbol = uniqueSymbol();
        String orderId = ana.place(symbol, "BUY", "LIMIT", "2", "90", "limit-1").path("orderId");

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            tick(symbol, "95");
            ana.get(orderId).then().body("status", equalTo("ACCEPTED"));
        });
        tick(symbol, "95.5");
        ana.get(orderId).then().body("status", equalTo("ACCEPTED"));

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            tick(symbol, "89.5");
            ana.get(orderId).then().body("status", equalTo("FILLED"));
        });
        ana.get(orderId).then().body("avgFillPrice", equalTo("89.5")).body("fills[0].fee", equalTo("0.179"));
    }

    @Test
    void anOpenOrderCanBeCancelledOnceAndThenNeverFills() {
        Trader ana = Trader.create();
        String symbol = uniqueSymbol();
        String orderId = ana.place(symbol, "SELL", "LIMIT", "1", "500", "cancel-1").path("orderId");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                ana.get(orderId).then().body("status", equalTo("ACCEPTED")));

        given().auth().oauth2(ana.token).delete("/api/v1/orders/" + orderId)
                .then().statusCode(200).body("status", equalTo("CANCELLED"));
        given().auth().oauth2(ana.token).delete("/api/v1/orders/" + orderId)
                .then().statusCode(409).contentType("application/problem+json").body("code", equalTo("ORDER_NOT_OPEN"));

        tick(symbol, "600");
        tick(symbol, "601");
        ana.get(orderId).then().body("status", equalTo("CANCELLED")).body("filledQuantity", equalTo("0"));
    }

    @Test
    void anotherUsersOrderAnswers404AndCannotBeTouched() {
        Trader ana = Trader.create();
        Trader bob = Trader.create();
        String symbol = uniqueSymbol();
        String anasOrder = ana.place(symbol, "BUY", "LIMIT", "1", "1", "private-1").path("orderId");

        bob.get(anasOrder).then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(bob.token).delete("/api/v1/orders/" + anasOrder).then().statusCode(404);
        given().auth().oauth2(bob.token).get("/api/v1/orders").then().statusCode(200).body("size()", equalTo(0));
        bob.get("not-a-uuid").then().statusCode(404);

        ana.get(anasOrder).then().statusCode(200).body("status", org.hamcrest.Matchers.oneOf("PENDING", "ACCEPTED"));

        // Both attempts are in Bob's activity log, naming the order; nothing of them is in Ana's.
        List<KafkaProbe.Received> bobs = KAFKA.await(TestTopics.of(Topics.AUDIT), bob.id.toString(),
                record -> record.value().contains("\"NOT_FOUND\"") && record.value().contains(anasOrder), 2,
                Duration.ofSeconds(20));
        assertThat(bobs).extracting(record -> EventJson.read(record.value(), AuditEvent.class).action())
                .containsExactlyInAnyOrder("order.read", "order.cancel");
        assertThat(KAFKA.await(TestTopics.of(Topics.AUDIT), ana.id.toString(),
                record -> record.value().contains("NOT_FOUND"), 1, Duration.ofSeconds(2))).isEmpty();
    }

    @Test
    void anAccountThatIsNotTheCallersIsRefusedAndNothingIsWritten() {
        Trader ana = Trader.create();
        Trader bob = Trader.create();
        given().auth().oauth2(bob.token).contentType(ContentType.JSON)
                .body(orderBody(ana.accountId, uniqueSymbol(), "BUY", "MARKET", "1", null, "steal-1"))
                .post("/api/v1/orders")
                .then().statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("ACCOUNT_NOT_FOUND"))
                .body("errors.field", hasItem("accountId"));
        given().auth().oauth2(bob.token).get("/api/v1/orders").then().body("size()", equalTo(0));
        List<KafkaProbe.Received> denied = KAFKA.await(TestTopics.of(Topics.AUDIT), bob.id.toString(),
                record -> record.value().contains("steal-1"), 1, Duration.ofSeconds(20));
        assertThat(denied).singleElement().satisfies(record -> {
            AuditEvent event = EventJson.read(record.value(), AuditEvent.class);
            assertThat(event.reason()).isEqualTo("ACCOUNT_NOT_FOUND");
            assertThat(event.details()).containsEntry("accountId", ana.accountId.toString());
        });
    }

    @Test
    void badInputAnswers400ProblemJsonNamingTheFieldAndWritesNothing() {
        Trader ana = Trader.create();
        given().auth().oauth2(ana.token).contentType(ContentType.JSON).body("{\"symbol\": ")
                .post("/api/v1/orders").then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400)).body("errors.field", hasItem("body"));

        ana.place("btc", "BUY", "MARKET", "-1", null, "bad 1").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItems("symbol", "quantity", "clientOrderId"));

        ana.place(uniqueSymbol(), "BUY", "LIMIT", "1", null, "no-limit").then().statusCode(400)
                .body("errors.field", hasItem("limitPrice"));

        given().auth().oauth2(ana.token).contentType(ContentType.JSON)
                .body(Map.of("accountId", ana.accountId.toString(), "symbol", "BTC-USD", "side", "HOLD", "type", "MARKET",
                        "quantity", "1", "clientOrderId", "bad-side"))
                .post("/api/v1/orders").then().statusCode(400).body("errors.field", hasItem("side"));

        given().auth().oauth2(ana.token).contentType(ContentType.JSON)
                .body(Map.of("accountId", "nope", "symbol", "BTC-USD", "side", "BUY", "type", "MARKET",
                        "quantity", "1", "clientOrderId", "bad-account"))
                .post("/api/v1/orders").then().statusCode(400).body("errors.field", hasItem("accountId"));

        given().auth().oauth2(ana.token).queryParam("status", "SOMETIMES").get("/api/v1/orders")
                .then().statusCode(400).body("errors.field", hasItem("status"));

        given().auth().oauth2(ana.token).get("/api/v1/orders").then().body("size()", equalTo(0));
    }

    @Test
    void withoutAValidTokenNothingIsAnswered() {
        given().get("/api/v1/orders").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.expired(UUID.randomUUID())).get("/api/v1/orders").then().statusCode(401);
        given().auth().oauth2("not.a.token").contentType(ContentType.JSON).body("{}").post("/api/v1/orders")
                .then().statusCode(401);
    }

    @Test
    void anAccessTokenOfARevokedSessionStopsWorkingWithinSeconds() {
        UUID userId = UUID.randomUUID();
        UUID sessionId = UUID.randomUUID();
        String token = TestTokens.forSession(userId, sessionId);
        given().auth().oauth2(token).get("/api/v1/orders").then().statusCode(200);

        KAFKA.send(TestTopics.of(Topics.AUTH), userId.toString(), new io.tradeplex.contracts.auth.SessionRevoked(1, userId,
                sessionId, "logout", Instant.now(), Instant.now().plusSeconds(900)));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(token).get("/api/v1/orders").then().statusCode(401)
                        .contentType("application/problem+json").body("code", equalTo("SESSION_REVOKED")));
        given().auth().oauth2(TestTokens.forSession(userId, UUID.randomUUID())).get("/api/v1/orders")
                .then().statusCode(200);
    }

    @Test
    void revokingTheTradingPermissionStopsTheNextOrderAndTheRefusalIsAudited() {
        Trader ana = Trader.create();
        String symbol = uniqueSymbol();
        ana.place(symbol, "BUY", "LIMIT", "1", "1", "before-revocation").then().statusCode(202);

        KAFKA.send(TestTopics.of(Topics.USERS), ana.id.toString(), new io.tradeplex.contracts.users.UserState(1, ana.id,
                ana.id + "@example.test", "basic", "ACTIVE", true, List.of("trader"), List.of("data:view-own"),
                Instant.now(), false, null, null, null, List.of()));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                ana.place(symbol, "BUY", "LIMIT", "1", "1", "after-revocation").then().statusCode(403)
                        .contentType("application/problem+json").body("code", equalTo("TRADING_NOT_PERMITTED")));
        given().auth().oauth2(ana.token).queryParam("symbol", symbol).get("/api/v1/orders")
                .then().body("size()", equalTo(1));
        List<KafkaProbe.Received> denials = KAFKA.await(TestTopics.of(Topics.AUDIT), ana.id.toString(),
                record -> record.value().contains("TRADING_NOT_PERMITTED"), 1, Duration.ofSeconds(20));
        assertThat(denials).hasSize(1);
        assertThat(EventSchemas.violations(io.tradeplex.contracts.audit.AuditEvent.TYPE, denials.get(0).value())).isEmpty();
    }

    private static void tick(String symbol, String price) {
        KAFKA.send(TestTopics.of(Topics.MARKET_TICKS), symbol, new MarketTick(1, symbol, new BigDecimal(price), "test", SEQUENCE.incrementAndGet(),
                Instant.now()));
    }

    /** Each test trades its own symbol, so ticks of one test never fill another's orders. */
    private static String uniqueSymbol() {
        return "T" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36).toUpperCase() + "-USD";
    }

    private static Map<String, Object> orderBody(UUID accountId, String symbol, String side, String type, String quantity,
                                                 String limitPrice, String clientOrderId) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("accountId", accountId.toString(), "symbol", symbol,
                "side", side, "type", type, "quantity", quantity, "clientOrderId", clientOrderId));
        if (limitPrice != null) {
            body.put("limitPrice", limitPrice);
        }
        return body;
    }

    private record Trader(UUID id, String token, UUID accountId) {
        static Trader create() {
            UUID id = UUID.randomUUID();
            return new Trader(id, TestTokens.trader(id), FakeUserService.paperAccountOf(id));
        }

        Response place(String symbol, String side, String type, String quantity, String limitPrice, String clientOrderId) {
            return given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body(orderBody(accountId, symbol, side, type, quantity, limitPrice, clientOrderId))
                    .post("/api/v1/orders");
        }

        Response get(String orderId) {
            return given().auth().oauth2(token).get("/api/v1/orders/" + orderId);
        }
    }
}
