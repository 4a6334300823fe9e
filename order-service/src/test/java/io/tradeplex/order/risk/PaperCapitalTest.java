package io.tradeplex.order.risk;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.tradeplex.contracts.Topics;
import io.tradeplex.contracts.market.MarketTick;
import io.tradeplex.contracts.orders.OrderType;
import io.tradeplex.contracts.orders.PlaceOrder;
import io.tradeplex.contracts.orders.Side;
import io.tradeplex.contracts.users.UserState;
import io.tradeplex.order.market.LatestPrices;
import io.tradeplex.order.support.FakeUserService;
import io.tradeplex.order.user.UserStates;
import io.tradeplex.testing.KafkaProbe;
import io.tradeplex.testing.TestTokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * A paper account trades from its capital (default paper terms: 5 bps slippage, 10 bps fee): refused with 422 on the
 * REST path and REJECTED on the command path, where a strategy's order arrives.
 */
@QuarkusTest
@QuarkusTestResource(FakeUserService.class)
class PaperCapitalTest {
    private static final KafkaProbe KAFKA = new KafkaProbe();
    private static final AtomicLong SEQUENCE = new AtomicLong(System.currentTimeMillis());

    @Inject
    UserStates userStates;
    @Inject
    LatestPrices prices;

    @AfterAll
    static void closeKafka() {
        KAFKA.close();
    }

    @Test
    void aBuyMayCostExactlyTheCapitalWithFeesAndNotACentMore() {
        String symbol = uniqueSymbol();
        // 10 at 100 = 1,000 USD + 1 USD fee.
        Trader exact = traderWithCapital("1001");
        exact.place(symbol, "BUY", "LIMIT", "10", "100").then().statusCode(202);

        Trader short1Cent = traderWithCapital("1000.99");
        short1Cent.place(symbol, "BUY", "LIMIT", "10", "100").then().statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo(CapitalRules.INSUFFICIENT_CAPITAL))
                .body("detail", containsString("1001.00 USD with fees"))
                .body("detail", containsString("1000.99 USD available"));
        given().auth().oauth2(short1Cent.token).get("/api/v1/orders").then().body("size()", equalTo(0));
    }

    @Test
    void aMarketBuyIsValuedAtTheLatestPricePlusSlippageAndFee() {
        String symbol = uniqueSymbol();
        tick(symbol, "100");
        await().atMost(Duration.ofSeconds(30)).until(() -> prices.of(symbol).isPresent());
        // 10 at 100.05 = 1,000.50 + 1.0005 fee = 1,001.5005: more than 1,001.50, though 10 at 100 plus fee is not.
        Trader trader = traderWithCapital("1001.50");
        trader.place(symbol, "BUY", "MARKET", "10", null).then().statusCode(422)
                .body("code", equalTo(CapitalRules.INSUFFICIENT_CAPITAL));
        String orderId = trader.place(symbol, "BUY", "MARKET", "9", null).then().statusCode(202).extract().path("orderId");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> trader.get(orderId).then().body("status", equalTo("FILLED")));
        // Spent 900.45 + 0.90045 in fees: 100.14955 left, less than 1 more at 100.05 with its fee (100.15005).
        trader.place(symbol, "BUY", "MARKET", "1", null).then().statusCode(422)
                .body("code", equalTo(CapitalRules.INSUFFICIENT_CAPITAL));
        trader.place(symbol, "BUY", "MARKET", "0.99", null).then().statusCode(202);
    }

    @Test
    void openBuyOrdersReserveTheirCashUntilCancelled() {
        String symbol = uniqueSymbol();
        Trader trader = traderWithCapital("1001");
        String resting = trader.place(symbol, "BUY", "LIMIT", "10", "100").then().statusCode(202).extract().path("orderId");
        trader.place(symbol, "BUY", "LIMIT", "0.01", "1").then().statusCode(422)
                .body("code", equalTo(CapitalRules.INSUFFICIENT_CAPITAL))
                .body("detail", containsString("0.00 USD available"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> trader.get(resting).then().body("status", equalTo("ACCEPTED")));
        given().auth().oauth2(trader.token).delete("/api/v1/orders/" + resting).then().statusCode(200);
        trader.place(symbol, "BUY", "LIMIT", "0.01", "1").then().statusCode(202);
    }

    @Test
    void theCommandPathRejectsAStrategysOrderBeyondTheCapital() {
        String symbol = uniqueSymbol();
        Trader trader = traderWithCapital("1000.99");
        UUID orderId = UUID.randomUUID();
        KAFKA.send("test." + Topics.ORDER_COMMANDS, trader.id.toString(), new PlaceOrder(PlaceOrder.SCHEMA_VERSION,
                orderId, trader.id, trader.accountId, "paper", "strategy-" + orderId, symbol, Side.BUY, OrderType.LIMIT,
                new BigDecimal("10"), new BigDecimal("100"), "strategy:" + UUID.randomUUID(), Instant.now()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> trader.get(orderId.toString()).then()
                .statusCode(200).body("status", equalTo("REJECTED"))
                .body("rejectCode", equalTo(CapitalRules.INSUFFICIENT_CAPITAL)));

        UUID fitting = UUID.randomUUID();
        KAFKA.send("test." + Topics.ORDER_COMMANDS, trader.id.toString(), new PlaceOrder(PlaceOrder.SCHEMA_VERSION,
                fitting, trader.id, trader.accountId, "paper", "strategy-" + fitting, symbol, Side.BUY, OrderType.LIMIT,
                new BigDecimal("9.99"), new BigDecimal("100"), "strategy:" + UUID.randomUUID(), Instant.now()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> trader.get(fitting.toString()).then()
                .statusCode(200).body("status", equalTo("ACCEPTED")));
    }

    @Test
    void aPaperAccountSellsOnlyWhatItHolds() {
        String symbol = uniqueSymbol();
        tick(symbol, "100");
        await().atMost(Duration.ofSeconds(30)).until(() -> prices.of(symbol).isPresent());
        Trader trader = traderWithCapital("10000");
        trader.place(symbol, "SELL", "LIMIT", "1", "100").then().statusCode(422)
                .body("code", equalTo(CapitalRules.INSUFFICIENT_POSITION));

        String bought = trader.place(symbol, "BUY", "MARKET", "2", null).then().statusCode(202).extract().path("orderId");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> trader.get(bought).then().body("status", equalTo("FILLED")));
        trader.place(symbol, "SELL", "LIMIT", "1.5", "500").then().statusCode(202);
        // 2 held, 1.5 already offered.
        trader.place(symbol, "SELL", "LIMIT", "0.50000001", "500").then().statusCode(422)
                .body("code", equalTo(CapitalRules.INSUFFICIENT_POSITION));
        trader.place(symbol, "SELL", "MARKET", "0.5", null).then().statusCode(202);
    }

    /** A trader whose capital this instance already knows, so no order of theirs passes for want of it. */
    private Trader traderWithCapital(String capitalUsd) {
        Trader trader = Trader.withCapital(capitalUsd);
        await().atMost(Duration.ofSeconds(30)).until(() -> userStates.of(trader.id)
                .flatMap(state -> state.accounts().stream().findFirst())
                .filter(account -> account.capitalUsd().compareTo(new BigDecimal(capitalUsd)) == 0).isPresent());
        return trader;
    }

    private static void tick(String symbol, String price) {
        KAFKA.send("test." + Topics.MARKET_TICKS, symbol, new MarketTick(1, symbol, new BigDecimal(price), "test",
                SEQUENCE.incrementAndGet(), Instant.now()));
    }

    private static String uniqueSymbol() {
        return "C" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36).toUpperCase() + "-USD";
    }

    private record Trader(UUID id, String token, UUID accountId) {
        /** A trader whose published state lists one paper account with this capital and no limits of its own. */
        static Trader withCapital(String capitalUsd) {
            UUID id = UUID.randomUUID();
            UUID account = FakeUserService.paperAccountOf(id);
            KAFKA.send("test." + Topics.USERS, id.toString(), new UserState(1, id, id + "@example.test", "basic",
                    "ACTIVE", true, List.of("trader"), List.of("trading:trade"), Instant.now(), false, null, null,
                    account, List.of(new UserState.Account(account, "paper", "READY", new BigDecimal(capitalUsd), null,
                    null))));
            return new Trader(id, TestTokens.trader(id), account);
        }

        Response place(String symbol, String side, String type, String quantity, String limitPrice) {
            Map<String, Object> body = new HashMap<>(Map.of("accountId", accountId.toString(), "symbol", symbol,
                    "side", side, "type", type, "quantity", quantity, "clientOrderId", "capital-" + UUID.randomUUID()));
            if (limitPrice != null) {
                body.put("limitPrice", limitPrice);
            }
            return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/v1/orders");
        }

        Response get(String orderId) {
            return given().auth().oauth2(token).get("/api/v1/orders/" + orderId);
        }
    }
}
