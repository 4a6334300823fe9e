package io.tradeplex.e2e;

import io.restassured.response.Response;
import io.tradeplex.contracts.EventSchemas;
import io.tradeplex.contracts.Topics;
import io.tradeplex.contracts.orders.OrderFilled;
import io.tradeplex.contracts.portfolio.PositionChanged;
import io.tradeplex.testing.KafkaProbe;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * The walking skeleton's promise: register → login → me → paper account → quote → order → fill → position → stats,
 * for two traders at once, through the gateway only, on the real Kafka and PostgreSQL of a running platform.
 */
class OneOrderEndToEndTest {
    private static final Duration FLOW_TIMEOUT = Duration.ofSeconds(60);

    /** What one trader ends up with, so the test can check the other cannot see it. */
    private record Outcome(Client trader, String accountId, String orderId) {
    }

    @Test
    void twoTradersEachPlaceAnOrderThatFillsAndOnlyTheirOwnStateIsVisible() {
        CompletableFuture<Outcome> ana = CompletableFuture.supplyAsync(() -> tradeOnce("ana", "BTC-USD", "0.0005"));
        CompletableFuture<Outcome> bob = CompletableFuture.supplyAsync(() -> tradeOnce("bob", "ETH-USD", "0.01"));
        Outcome anas = ana.join();
        Outcome bobs = bob.join();

        // Another user's order is 404, and neither listing nor portfolio shows anything of the other.
        bobs.trader().get("/api/v1/orders/" + anas.orderId()).then().statusCode(404)
                .contentType("application/problem+json");
        anas.trader().get("/api/v1/orders/" + bobs.orderId()).then().statusCode(404);
        bobs.trader().get("/api/v1/orders").then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].orderId", equalTo(bobs.orderId()));
        anas.trader().get("/api/v1/portfolio/positions").then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].symbol", equalTo("BTC-USD"));
        bobs.trader().get("/api/v1/portfolio/positions").then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].symbol", equalTo("ETH-USD"));
        bobs.trader().get("/api/v1/me/broker-accounts").then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].accountId", equalTo(bobs.accountId()));
        bobs.trader().authed().body(Map.of("accountId", anas.accountId(), "symbol", "BTC-USD", "side", "BUY",
                        "type", "MARKET", "quantity", "1", "clientOrderId", "not-mine"))
                .post("/api/v1/orders").then().statusCode(422).body("errors.field", hasItem("accountId"));

        // Analysts read the same facts from Kafka, keyed by user id and conforming to the published schemas.
        try (KafkaProbe kafka = new KafkaProbe()) {
            List<KafkaProbe.Received> fills = kafka.await(Topics.ORDERS, anas.trader().userId,
                    record -> OrderFilled.TYPE.equals(record.type()), 1, Duration.ofSeconds(30));
            assertThat(fills).hasSize(1);
            assertThat(EventSchemas.violations(OrderFilled.TYPE, fills.get(0).value())).isEmpty();
            List<KafkaProbe.Received> positions = kafka.await(Topics.PORTFOLIO, anas.trader().userId,
                    record -> PositionChanged.TYPE.equals(record.type()), 1, Duration.ofSeconds(30));
            assertThat(positions).hasSize(1);
            assertThat(EventSchemas.violations(PositionChanged.TYPE, positions.get(0).value())).isEmpty();
        }
    }

    @Test
    void badInputIsAProblemNamingTheFieldAndIsNotWritten() {
        Client carol = Client.newTrader("carol").register().login();
        Client.anonymous().body("{\"email\": ").post("/api/v1/auth/register").then().statusCode(400)
                .contentType("application/problem+json");
        carol.post("/api/v1/me/broker-accounts", Map.of("broker", "paper", "label", ""))
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("label"));
        carol.get("/api/v1/me/broker-accounts").then().body("size()", equalTo(0));
        carol.post("/api/v1/orders", Map.of("symbol", "BTC-USD", "side", "BUY", "type", "MARKET", "quantity", "-1",
                        "clientOrderId", "bad"))
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("quantity")).body("errors.field", hasItem("accountId"));
        carol.get("/api/v1/orders").then().body("size()", equalTo(0));
    }

    @Test
    void theGatewayRefusesRequestsWithoutAValidToken() {
        Client.anonymous().get("/api/v1/orders").then().statusCode(401).contentType("application/problem+json");
        Client.anonymous().auth().oauth2("e30.e30.").get("/api/v1/me").then().statusCode(401);
    }

    private static Outcome tradeOnce(String name, String symbol, String quantity) {
        Client trader = Client.newTrader(name).register().login();

        trader.get("/api/v1/me").then().statusCode(200)
                .body("userId", equalTo(trader.userId)).body("email", equalTo(trader.email));

        String accountId = trader.post("/api/v1/me/broker-accounts",
                        Map.of("broker", "paper", "label", name + "'s paper", "capitalUsd", "10000"))
                .then().statusCode(201).extract().path("accountId");

        String[] price = new String[1];
        await().atMost(FLOW_TIMEOUT).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            Response quotes = trader.get("/api/v1/market/quotes?symbols=" + symbol);
            quotes.then().statusCode(200).body("size()", equalTo(1)).body("[0].symbol", equalTo(symbol));
            price[0] = quotes.path("[0].price");
        });
        assertThat(new BigDecimal(price[0])).isPositive();

        Map<String, Object> order = Map.of("accountId", accountId, "symbol", symbol, "side", "BUY", "type", "MARKET",
                "quantity", quantity, "clientOrderId", name + "-first-order");
        String orderId = trader.post("/api/v1/orders", order).then().statusCode(202)
                .body("status", equalTo("PENDING")).extract().path("orderId");
        // A retry of the same request is the same order.
        trader.post("/api/v1/orders", order).then().statusCode(202).body("orderId", equalTo(orderId));

        await().atMost(FLOW_TIMEOUT).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                trader.get("/api/v1/orders/" + orderId).then().statusCode(200).body("status", equalTo("FILLED")));
        Response filled = trader.get("/api/v1/orders/" + orderId);
        filled.then().body("filledQuantity", equalTo(quantity)).body("fills.size()", equalTo(1));
        BigDecimal fillPrice = new BigDecimal(filled.<String>path("avgFillPrice"));
        assertThat(fillPrice).isPositive();

        await().atMost(FLOW_TIMEOUT).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                trader.get("/api/v1/portfolio/positions").then().statusCode(200)
                        .body("size()", equalTo(1))
                        .body("[0].symbol", equalTo(symbol))
                        .body("[0].accountId", equalTo(accountId))
                        .body("[0].quantity", equalTo(quantity)));
        trader.get("/api/v1/portfolio/positions").then()
                .body("[0].avgPrice", equalTo(fillPrice.stripTrailingZeros().toPlainString()));
        trader.get("/api/v1/portfolio/stats").then().statusCode(200)
                .body("totalTrades", equalTo(1)).body("activePositions", equalTo(1));
        return new Outcome(trader, accountId, orderId);
    }
}
