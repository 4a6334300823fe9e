package io.tradeplex.order.broker;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.tradeplex.contracts.orders.OrderType;
import io.tradeplex.contracts.orders.Side;
import io.tradeplex.order.broker.kite.KiteBroker;
import io.tradeplex.order.broker.kite.KiteTag;
import io.tradeplex.order.execution.OpenOrder;
import io.tradeplex.order.support.FakeKiteResource;
import io.tradeplex.order.support.FakeUserService;
import io.tradeplex.testing.TestLog;
import io.tradeplex.testing.TestTokens;
import io.tradeplex.testing.brokers.FakeKite;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.tradeplex.order.support.FakeKiteResource.KITE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** Orders on a Kite account through the REST path, against a local Kite that checks every request as documented. */
@QuarkusTest
@QuarkusTestResource(FakeUserService.class)
@QuarkusTestResource(FakeKiteResource.class)
class KiteBrokerTest {
    private static final String POSTBACK = "/api/v1/brokers/kite/postback";

    @Inject
    KiteBroker kite;

    @AfterEach
    void kiteAnswersAgain() {
        KITE.failWith(0);
        FakeUserService.failLoginRequiredReports(false);
    }

    @Test
    void aMarketOrderIsPlacedOnceTaggedAndFilledWithKitesTradeAppliedOnce() {
        Trader ana = Trader.create();
        KITE.price("NSE", "INFY", "1520.5");
        String orderId = ana.place("INFY-NSE", "MARKET", "3", null);

        awaitStatus(ana, orderId, "FILLED").body("filledQuantity", equalTo("3")).body("avgFillPrice", equalTo("1520.5"))
                .body("fills.size()", equalTo(1)).body("fills[0].fillId", startsWith("kite-")).body("fills[0].fee", equalTo("0"));
        List<String> atKite = KITE.ordersTagged(KiteTag.of(UUID.fromString(orderId)));
        assertThat(atKite).hasSize(1);

        // The same trade read again by a postback and by reconciliation is not a second fill.
        postback(KITE.postbackFor(atKite.get(0))).statusCode(204);
        kite.reconcile(ana.open(orderId, "INFY-NSE", OrderType.MARKET, null, "3")).await().atMost(Duration.ofSeconds(20));
        awaitStatus(ana, orderId, "FILLED").body("fills.size()", equalTo(1)).body("filledQuantity", equalTo("3"));
    }

    @Test
    void aRestingLimitOrderFillsThroughPostbacksEachTradeOnceEvenWhenDeliveredTwice() {
        Trader ana = Trader.create();
        KITE.price("BSE", "SBIN", "800");
        String orderId = ana.place("SBIN-BSE", "LIMIT", "10", "790");
        awaitStatus(ana, orderId, "ACCEPTED");
        String kiteOrderId = single(orderId);
        assertThat(KITE.statusOf(kiteOrderId)).contains("OPEN");

        KITE.fill(kiteOrderId, 4, "790");
        postback(KITE.postbackFor(kiteOrderId)).statusCode(204);
        awaitStatus(ana, orderId, "PARTIALLY_FILLED").body("filledQuantity", equalTo("4"));

        KITE.fill(kiteOrderId, 6, "789.5");
        String complete = KITE.postbackFor(kiteOrderId);
        postback(complete).statusCode(204);
        postback(complete).statusCode(204);
        awaitStatus(ana, orderId, "FILLED").body("fills.size()", equalTo(2)).body("filledQuantity", equalTo("10"))
                .body("avgFillPrice", equalTo("789.7"));
    }

    @Test
    void aLostPlacementAnswerIsFoundByTagNeverPlacedAgain() {
        // Two traders: two lost answers within four calls of one account would open its breaker (test profile).
        Trader ana = Trader.create();
        Trader bob = Trader.create();
        int before = KITE.placements();
        KITE.loseNextPlacementAnswer(503, 0);
        String lostTo503 = ana.place("INFY-INR", "MARKET", "1", null);
        awaitStatus(ana, lostTo503, "FILLED").body("fills.size()", equalTo(1));

        // No answer at all: the adapter gives up waiting (2 s in tests), then finds the order all the same.
        KITE.loseNextPlacementAnswer(0, 3000);
        String timedOut = bob.place("TCS-NSE", "MARKET", "2", null);
        awaitStatus(bob, timedOut, "FILLED").body("fills.size()", equalTo(1));

        assertThat(KITE.placements() - before).isEqualTo(2);
        assertThat(KITE.ordersTagged(KiteTag.of(UUID.fromString(lostTo503)))).hasSize(1);
        assertThat(KITE.ordersTagged(KiteTag.of(UUID.fromString(timedOut)))).hasSize(1);
    }

    @Test
    void aPlacementThatFailedBeforeReachingTheOrderbookIsRefusedOnceTheGraceIsOver() {
        Trader ana = Trader.create();
        int before = KITE.placements();
        KITE.rejectNextPlacement(503, "NetworkException", "Gateway timed out");
        String orderId = ana.place("INFY-NSE", "MARKET", "1", null);

        awaitStatus(ana, orderId, "REJECTED").body("rejectCode", equalTo("BROKER_REJECTED"))
                .body("rejectReason", containsString("did not reach Kite"));
        assertThat(KITE.placements() - before).isEqualTo(1);
        assertThat(KITE.ordersTagged(KiteTag.of(UUID.fromString(orderId)))).isEmpty();
    }

    @Test
    void kitesRefusalsRejectTheOrderWithKitesReason() {
        Trader ana = Trader.create();
        KITE.rejectNextPlacement(400, FakeKite.INPUT_EXCEPTION, "Insufficient funds. Required margin is 1520.50");
        String refused = ana.place("INFY-NSE", "MARKET", "1", null);
        awaitStatus(ana, refused, "REJECTED").body("rejectCode", equalTo("BROKER_REJECTED"))
                .body("rejectReason", containsString("Insufficient funds")).body("rejectReason", containsString("InputException"));

        KITE.rejectNextPlacementAfterAcceptance("RMS:Margin Exceeds");
        String rms = ana.place("INFY-NSE", "LIMIT", "1", "1400");
        awaitStatus(ana, rms, "REJECTED").body("rejectCode", equalTo("BROKER_REJECTED"))
                .body("rejectReason", containsString("RMS:Margin Exceeds"));

        String fractional = ana.place("INFY-NSE", "MARKET", "0.5", null);
        awaitStatus(ana, fractional, "REJECTED").body("rejectReason", containsString("whole units"));
        String nowhere = ana.place("INFY-USD", "MARKET", "1", null);
        awaitStatus(ana, nowhere, "REJECTED").body("rejectCode", equalTo("SYMBOL_NOT_TRADABLE"));
    }

    @Test
    void anExpiredSessionRefusesTheOrderMarksTheAccountAndIsNeverRetried() {
        Trader ana = Trader.create();
        KITE.expireSessions(ana.apiKey());
        int before = KITE.placements();

        String first = ana.place("INFY-NSE", "MARKET", "1", null);
        awaitStatus(ana, first, "REJECTED").body("rejectCode", equalTo("BROKER_LOGIN_REQUIRED"));
        await().atMost(Duration.ofSeconds(10)).until(() -> FakeUserService.loginRequiredReportsOf(ana.accountId()).size() == 1);
        assertThat(FakeUserService.loginRequiredReportsOf(ana.accountId()).get(0))
                .contains("\"accessTokenSha256\":\"" + sha256(ana.accessToken()) + "\"").doesNotContain(ana.accessToken());

        // user-service now answers "login required" for the account: refused without calling Kite.
        String second = ana.place("INFY-NSE", "MARKET", "1", null);
        awaitStatus(ana, second, "REJECTED").body("rejectCode", equalTo("BROKER_LOGIN_REQUIRED"));
        assertThat(KITE.placements() - before).isEqualTo(1);
        assertThat(FakeUserService.loginRequiredReportsOf(ana.accountId())).hasSize(1);
    }

    @Test
    void ordersRacingTheLoginRequiredStateAreRefusedHereWithoutCallingKite() {
        Trader ana = Trader.create();
        FakeUserService.failLoginRequiredReports(true);
        KITE.expireSessions(ana.apiKey());
        int before = KITE.placements();

        String first = ana.place("INFY-NSE", "MARKET", "1", null);
        awaitStatus(ana, first, "REJECTED").body("rejectCode", equalTo("BROKER_LOGIN_REQUIRED"));
        int reports = FakeUserService.loginRequiredReportsOf(ana.accountId()).size();
        assertThat(reports).isBetween(1, 3);

        // user-service still hands out the dead token: the adapter remembers Kite refused it.
        String second = ana.place("INFY-NSE", "MARKET", "1", null);
        awaitStatus(ana, second, "REJECTED").body("rejectCode", equalTo("BROKER_LOGIN_REQUIRED"));
        assertThat(KITE.placements() - before).isEqualTo(1);
        assertThat(FakeUserService.loginRequiredReportsOf(ana.accountId())).hasSize(reports);
    }

    @Test
    void aPostbackThatDoesNotVerifyAppliesNothing() {
        Trader ana = Trader.create();
        KITE.price("NSE", "WIPRO", "450");
        String orderId = ana.place("WIPRO-NSE", "LIMIT", "5", "440");
        awaitStatus(ana, orderId, "ACCEPTED");
        String kiteOrderId = single(orderId);
        KITE.fill(kiteOrderId, 5, "440");
        String genuine = KITE.postbackFor(kiteOrderId);

        String forged = genuine.replaceFirst("\"checksum\":\"[0-9a-f]{64}\"",
                "\"checksum\":\"" + FakeKite.postbackChecksumOf(kiteOrderId, "2022-03-03 09:24:25", "guessed") + "\"");
        postback(forged).statusCode(401).contentType("application/problem+json")
                .body("code", equalTo("POSTBACK_CHECKSUM_INVALID"));
        String otherTimestamp = genuine.replaceFirst("\"order_timestamp\":\"[^\"]+\"", "\"order_timestamp\":\"2001-01-01 00:00:00\"");
        postback(otherTimestamp).statusCode(401);
        String unknownTag = genuine.replace(KiteTag.of(UUID.fromString(orderId)), KiteTag.of(UUID.randomUUID()));
        postback(unknownTag).statusCode(401).body("code", equalTo("POSTBACK_CHECKSUM_INVALID"));
        postback("not json").statusCode(400).contentType("application/problem+json");

        awaitStatus(ana, orderId, "ACCEPTED").body("fills.size()", equalTo(0));
        postback(genuine).statusCode(204);
        awaitStatus(ana, orderId, "FILLED").body("fills.size()", equalTo(1));
    }

    @Test
    void reconciliationAppliesWhatKiteDidAndLeavesTheOrderAloneWhenKiteCannotAnswer() {
        Trader ana = Trader.create();
        Trader bob = Trader.create();
        KITE.price("NSE", "HDFCBANK", "1600");
        String anasOrder = ana.place("HDFCBANK-NSE", "LIMIT", "4", "1590");
        String bobsOrder = bob.place("HDFCBANK-NSE", "LIMIT", "4", "1590");
        KITE.fill(atKite(anasOrder), 4, "1590");
        KITE.fill(atKite(bobsOrder), 4, "1590");

        // The outage also opens the breaker of ana's account (its lookups fail), so only bob's order is looked up after.
        KITE.failWith(503);
        kite.reconcile(ana.open(anasOrder, "HDFCBANK-NSE", OrderType.LIMIT, "1590", "4")).await().atMost(Duration.ofSeconds(20));
        awaitStatus(ana, anasOrder, "ACCEPTED").body("fills.size()", equalTo(0));

        KITE.failWith(0);
        kite.reconcile(bob.open(bobsOrder, "HDFCBANK-NSE", OrderType.LIMIT, "1590", "4")).await().atMost(Duration.ofSeconds(20));
        awaitStatus(bob, bobsOrder, "FILLED").body("fills.size()", equalTo(1));
    }

    @Test
    void anOrderKiteCancelledIsCancelledHereWithWhatItFilled() {
        Trader ana = Trader.create();
        KITE.price("NSE", "ITC", "430");
        String orderId = ana.place("ITC-NSE", "LIMIT", "10", "420");
        awaitStatus(ana, orderId, "ACCEPTED");
        String kiteOrderId = single(orderId);
        KITE.fill(kiteOrderId, 3, "420");
        KITE.cancel(kiteOrderId);

        postback(KITE.postbackFor(kiteOrderId)).statusCode(204);
        awaitStatus(ana, orderId, "CANCELLED").body("filledQuantity", equalTo("3")).body("fills.size()", equalTo(1));
    }

    @Test
    void aRestingOrderIsCancelledAtKiteWithWhatItFilledThereAndOnlyThenHere() {
        Trader ana = Trader.create();
        KITE.price("NSE", "TATASTEEL", "150");
        String orderId = ana.place("TATASTEEL-NSE", "LIMIT", "10", "140");
        String kiteOrderId = atKite(orderId);
        awaitStatus(ana, orderId, "ACCEPTED");
        // Executed at Kite and not reported yet: the cancel applies it before it ends the order.
        KITE.fill(kiteOrderId, 3, "140");

        ana.cancel(orderId).statusCode(200).body("status", equalTo("CANCELLED")).body("filledQuantity", equalTo("3"))
                .body("fills.size()", equalTo(1));
        assertThat(KITE.statusOf(kiteOrderId)).contains("CANCELLED");
        ana.cancel(orderId).statusCode(409).contentType("application/problem+json").body("code", equalTo("ORDER_NOT_OPEN"));
    }

    @Test
    void aCancelOfAnOrderKiteAlreadyEndedAppliesWhatKiteDid() {
        Trader ana = Trader.create();
        KITE.price("NSE", "ONGC", "250");
        String executed = ana.place("ONGC-NSE", "LIMIT", "5", "240");
        String cancelledThere = ana.place("ONGC-NSE", "LIMIT", "6", "240");
        // Both ended at Kite only after the adapter read them back once placed, so nothing has told us yet.
        String executedAtKite = atKite(executed);
        String cancelledAtKite = atKite(cancelledThere);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                KITE.historyReadsOf(executedAtKite) > 0 && KITE.historyReadsOf(cancelledAtKite) > 0);
        KITE.fill(executedAtKite, 5, "240");
        KITE.cancel(cancelledAtKite);
        awaitStatus(ana, executed, "ACCEPTED");
        awaitStatus(ana, cancelledThere, "ACCEPTED");

        ana.cancel(executed).statusCode(409).contentType("application/problem+json").body("code", equalTo("ORDER_NOT_OPEN"))
                .body("detail", containsString("FILLED"));
        awaitStatus(ana, executed, "FILLED").body("fills.size()", equalTo(1));
        ana.cancel(cancelledThere).statusCode(200).body("status", equalTo("CANCELLED")).body("fills.size()", equalTo(0));
    }

    @Test
    void whenKiteCannotBeAskedTheCancelAnswers503AndTheOrderStaysOpen() {
        Trader ana = Trader.create();
        KITE.price("NSE", "COALINDIA", "400");
        String orderId = ana.place("COALINDIA-NSE", "LIMIT", "2", "390");
        String kiteOrderId = atKite(orderId);
        awaitStatus(ana, orderId, "ACCEPTED");

        KITE.failWith(503);
        ana.cancel(orderId).statusCode(503).contentType("application/problem+json")
                .body("code", equalTo("BROKER_UNAVAILABLE"));
        KITE.failWith(0);
        assertThat(KITE.statusOf(kiteOrderId)).contains("OPEN");
        awaitStatus(ana, orderId, "ACCEPTED");
    }

    /** The Kite order id of our order, once the placement has reached Kite. */
    private static String atKite(String orderId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !KITE.ordersTagged(KiteTag.of(UUID.fromString(orderId))).isEmpty());
        return single(orderId);
    }

    private static String single(String orderId) {
        List<String> atKite = KITE.ordersTagged(KiteTag.of(UUID.fromString(orderId)));
        assertThat(atKite).hasSize(1);
        return atKite.get(0);
    }

    private static ValidatableResponse postback(String body) {
        return given().contentType(ContentType.JSON).body(body).post(POSTBACK).then();
    }

    /**
     * CWE-532 through the real log pipeline ({@link TestLog}): the API key and access token Kite gets in
     * {@code Authorization: token api_key:access_token}, on a placed order and on one refused for an expired session.
     */
    @Test
    void theCredentialsSentToKiteReachNoLogLine() {
        Trader ana = Trader.create();
        KITE.price("NSE", "INFY", "1520.5");
        String requestId = "log-canary-" + UUID.randomUUID();
        String filled = given().auth().oauth2(ana.token()).header("X-Request-Id", requestId).contentType(ContentType.JSON)
                .body(Map.of("accountId", ana.accountId().toString(), "symbol", "INFY-NSE", "side", "BUY", "type", "MARKET",
                        "quantity", "1", "clientOrderId", "kite-" + UUID.randomUUID().toString().substring(0, 8)))
                .post("/api/v1/orders").then().statusCode(202).extract().path("orderId");
        awaitStatus(ana, filled, "FILLED");
        KITE.expireSessions(ana.apiKey());
        String refused = ana.place("INFY-NSE", "MARKET", "1", null);
        awaitStatus(ana, refused, "REJECTED").body("rejectCode", equalTo("BROKER_LOGIN_REQUIRED"));

        TestLog.assertRequestLoggedWithout(requestId, ana.apiKey(), ana.apiSecret(), ana.accessToken());
    }

    private static ValidatableResponse awaitStatus(Trader trader, String orderId, String status) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                given().auth().oauth2(trader.token()).get("/api/v1/orders/" + orderId).then().statusCode(200)
                        .body("status", equalTo(status)));
        return given().auth().oauth2(trader.token()).get("/api/v1/orders/" + orderId).then();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private record Trader(UUID id, String token, UUID accountId, String apiKey, String apiSecret, String accessToken) {
        static Trader create() {
            UUID id = UUID.randomUUID();
            String apiKey = "kitekey" + UUID.randomUUID().toString().replace("-", "");
            String apiSecret = "kitesecret" + UUID.randomUUID().toString().replace("-", "");
            String kiteUserId = "AB" + (1000 + (int) (Math.random() * 9000));
            KITE.register(apiKey, apiSecret, kiteUserId);
            String accessToken = KITE.openSession(apiKey);
            UUID accountId = FakeUserService.kiteAccountOf(id, apiKey, apiSecret, accessToken, kiteUserId);
            return new Trader(id, TestTokens.trader(id), accountId, apiKey, apiSecret, accessToken);
        }

        String place(String symbol, String type, String quantity, String limitPrice) {
            Map<String, Object> body = new HashMap<>(Map.of("accountId", accountId.toString(), "symbol", symbol,
                    "side", "BUY", "type", type, "quantity", quantity,
                    "clientOrderId", "kite-" + UUID.randomUUID().toString().substring(0, 8)));
            if (limitPrice != null) {
                body.put("limitPrice", limitPrice);
            }
            return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/v1/orders")
                    .then().statusCode(202).extract().path("orderId");
        }

        ValidatableResponse cancel(String orderId) {
            return given().auth().oauth2(token).delete("/api/v1/orders/" + orderId).then();
        }

        OpenOrder open(String orderId, String symbol, OrderType type, String limitPrice, String remaining) {
            return new OpenOrder(UUID.fromString(orderId), id, "kite", symbol, Side.BUY, type,
                    limitPrice == null ? null : new BigDecimal(limitPrice), new BigDecimal(remaining), accountId, "any");
        }
    }
}
