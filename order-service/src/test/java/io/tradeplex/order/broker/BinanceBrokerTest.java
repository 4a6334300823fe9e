package io.tradeplex.order.broker;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.tradeplex.order.support.FakeBinanceResource;
import io.tradeplex.order.support.FakeUserService;
import io.tradeplex.testing.TestLog;
import io.tradeplex.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.tradeplex.order.support.FakeBinanceResource.BINANCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** Orders on a Binance account through the REST path, against a local Binance that verifies every signature. */
@QuarkusTest
@QuarkusTestResource(FakeUserService.class)
@QuarkusTestResource(FakeBinanceResource.class)
class BinanceBrokerTest {

    @Test
    void aMarketOrderIsSignedSentOnceAndFilledWithBinancesTradeAsTheFill() {
        Trader ana = Trader.create();
        BINANCE.price("BTCUSDT", "65000");
        String orderId = ana.place("BTC-USD", "MARKET", "0.001", null, "bn-" + UUID.randomUUID().toString().substring(0, 8));

        ValidatableResponse filled = awaitStatus(ana, orderId, "FILLED");
        filled.body("filledQuantity", equalTo("0.001")).body("avgFillPrice", equalTo("65000"))
                .body("fills[0].fillId", startsWith("binance-BTCUSDT-")).body("fills[0].fee", equalTo("0.065"));
    }

    @Test
    void aLostAnswerIsResolvedByLookingTheOrderUpNeverBySendingItAgain() {
        Trader ana = Trader.create();
        String clientOrderId = "lost-" + UUID.randomUUID().toString().substring(0, 8);
        int before = BINANCE.placements();
        BINANCE.loseNextPlacementAnswer();
        String orderId = ana.place("ETH-USD", "MARKET", "0.01", null, clientOrderId);

        awaitStatus(ana, orderId, "FILLED").body("fills.size()", equalTo(1));
        assertThat(BINANCE.placements() - before).isEqualTo(1);
        assertThat(BINANCE.ordersWithClientId(clientOrderId)).isEqualTo(1);
    }

    @Test
    void binancesRefusalRejectsTheOrderWithItsReason() {
        Trader ana = Trader.create();
        BINANCE.rejectNextPlacement(400, -2010, "Account has insufficient balance for requested action.");
        String orderId = ana.place("BTC-USD", "MARKET", "0.001", null, "poor-" + UUID.randomUUID().toString().substring(0, 8));

        awaitStatus(ana, orderId, "REJECTED").body("rejectCode", equalTo("BROKER_REJECTED"))
                .body("rejectReason", containsString("insufficient balance"));
    }

    @Test
    void aLimitOrderBelowTheMarketRestsAtBinance() {
        Trader ana = Trader.create();
        BINANCE.price("BTCUSDT", "64000");
        String orderId = ana.place("BTC-USD", "LIMIT", "0.001", "50000", "rest-" + UUID.randomUUID().toString().substring(0, 8));
        awaitStatus(ana, orderId, "ACCEPTED").body("filledQuantity", equalTo("0"));
    }

    @Test
    void aRestingOrderIsCancelledAtBinanceAndOnlyThenHere() {
        Trader ana = Trader.create();
        BINANCE.price("BTCUSDT", "64000");
        String clientOrderId = "cx-" + UUID.randomUUID().toString().substring(0, 8);
        String orderId = ana.restingOrder(clientOrderId);

        ana.cancel(orderId).statusCode(200).body("status", equalTo("CANCELLED")).body("filledQuantity", equalTo("0"));
        assertThat(BINANCE.statusOf(clientOrderId)).contains("CANCELED");
        ana.cancel(orderId).statusCode(409).contentType("application/problem+json").body("code", equalTo("ORDER_NOT_OPEN"));
    }

    @Test
    void aCancelOfAnOrderBinanceAlreadyFilledAppliesTheFillAndIsRefused() {
        Trader ana = Trader.create();
        BINANCE.price("BTCUSDT", "64000");
        String clientOrderId = "cf-" + UUID.randomUUID().toString().substring(0, 8);
        String orderId = ana.restingOrder(clientOrderId);
        BINANCE.fillRestingOrder(clientOrderId);

        ana.cancel(orderId).statusCode(409).contentType("application/problem+json").body("code", equalTo("ORDER_NOT_OPEN"))
                .body("detail", containsString("FILLED"));
        awaitStatus(ana, orderId, "FILLED").body("fills.size()", equalTo(1)).body("avgFillPrice", equalTo("50000"));
        assertThat(BINANCE.statusOf(clientOrderId)).contains("FILLED");
    }

    @Test
    void whenBinanceDoesNotAnswerTheCancelTheOrderStaysOpenAndCanBeCancelledLater() {
        Trader ana = Trader.create();
        BINANCE.price("BTCUSDT", "64000");
        String clientOrderId = "cu-" + UUID.randomUUID().toString().substring(0, 8);
        String orderId = ana.restingOrder(clientOrderId);

        BINANCE.outage(ana.apiKey(), 503);
        try {
            ana.cancel(orderId).statusCode(503).contentType("application/problem+json")
                    .body("code", equalTo("BROKER_UNAVAILABLE"));
        } finally {
            BINANCE.endOutage(ana.apiKey());
        }
        awaitStatus(ana, orderId, "ACCEPTED");
        assertThat(BINANCE.statusOf(clientOrderId)).contains("NEW");

        // The resting-order poll may have met the outage too and opened the account's breaker: then the cancel is
        // refused until the breaker lets a trial call through.
        await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                ana.cancel(orderId).statusCode(200).body("status", equalTo("CANCELLED")));
        assertThat(BINANCE.statusOf(clientOrderId)).contains("CANCELED");
    }

    /** CWE-532 through the real log pipeline ({@link TestLog}): the key pair that signs a placed and a refused order. */
    @Test
    void theKeyPairThatSignsOrdersReachesNoLogLine() {
        Trader ana = Trader.create();
        BINANCE.price("BTCUSDT", "65000");
        String requestId = "log-canary-" + UUID.randomUUID();
        String filled = given().auth().oauth2(ana.token()).header("X-Request-Id", requestId).contentType(ContentType.JSON)
                .body(Map.of("accountId", ana.accountId().toString(), "symbol", "BTC-USD", "side", "BUY", "type", "MARKET",
                        "quantity", "0.001", "clientOrderId", "bn-" + UUID.randomUUID().toString().substring(0, 8)))
                .post("/api/v1/orders").then().statusCode(202).extract().path("orderId");
        awaitStatus(ana, filled, "FILLED");
        BINANCE.rejectNextPlacement(400, -2010, "Account has insufficient balance for requested action.");
        String refused = ana.place("BTC-USD", "MARKET", "0.001", null, "bn-" + UUID.randomUUID().toString().substring(0, 8));
        awaitStatus(ana, refused, "REJECTED");

        TestLog.assertRequestLoggedWithout(requestId, ana.apiKey(), ana.apiSecret());
    }

    private static ValidatableResponse awaitStatus(Trader trader, String orderId, String status) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                given().auth().oauth2(trader.token()).get("/api/v1/orders/" + orderId).then().statusCode(200)
                        .body("status", equalTo(status)));
        return given().auth().oauth2(trader.token()).get("/api/v1/orders/" + orderId).then();
    }

    private record Trader(UUID id, String token, UUID accountId, String apiKey, String apiSecret) {
        static Trader create() {
            UUID id = UUID.randomUUID();
            String apiKey = "key" + UUID.randomUUID().toString().replace("-", "");
            String apiSecret = "secret" + UUID.randomUUID().toString().replace("-", "");
            BINANCE.register(apiKey, apiSecret);
            return new Trader(id, TestTokens.trader(id), FakeUserService.binanceAccountOf(id, apiKey, apiSecret), apiKey,
                    apiSecret);
        }

        /** A limit buy below the market, once it rests at Binance. */
        String restingOrder(String clientOrderId) {
            String orderId = place("BTC-USD", "LIMIT", "0.001", "50000", clientOrderId);
            await().atMost(Duration.ofSeconds(30)).until(() -> BINANCE.statusOf(clientOrderId).isPresent());
            awaitStatus(this, orderId, "ACCEPTED");
            return orderId;
        }

        ValidatableResponse cancel(String orderId) {
            return given().auth().oauth2(token).delete("/api/v1/orders/" + orderId).then();
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
    }
}
