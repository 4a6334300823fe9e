package io.tradeplex.order.broker.paper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.tradeplex.contracts.Topics;
import io.tradeplex.contracts.market.MarketTick;
import io.tradeplex.order.execution.OrderLifecycle;
import io.tradeplex.order.market.LatestPrices;
import io.tradeplex.order.order.OrderRepository;
import io.tradeplex.order.risk.RiskCheck;
import io.tradeplex.order.support.FakeUserService;
import io.tradeplex.testing.KafkaProbe;
import io.tradeplex.testing.TestTokens;
import jakarta.inject.Inject;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The paper broker against real ticks on Kafka and the real database. The symbols used here have their own terms in
 * the test profile (application.properties): a depth of 1,000 USD per tick, or their own fees and slippage.
 */
@QuarkusTest
@QuarkusTestResource(FakeUserService.class)
class PaperBrokerTest {
    private static final KafkaProbe KAFKA = new KafkaProbe();
    private static final AtomicLong SEQUENCE = new AtomicLong(System.currentTimeMillis());
    private static final String TICKS = "test." + Topics.MARKET_TICKS;

    @Inject
    PaperBroker paperBroker;
    @Inject
    OrderLifecycle lifecycle;
    @Inject
    LatestPrices prices;
    @Inject
    OrderRepository orders;
    @Inject
    RiskCheck risk;
    @Inject
    PaperPricing pricing;

    @AfterAll
    static void closeProbe() {
        KAFKA.close();
    }

    @Test
    void aMarketOrderBeyondTheDepthFillsTheDepthOnEachTickAtThatTicksPrice() {
        Trader ana = Trader.create();
        String orderId = ana.place("PDEPTHM-USD", "BUY", "MARKET", "25", null);
        awaitStatus(ana, orderId, "ACCEPTED");

        // 1,000 USD of depth: 10 at 100, then 5 at 200, then the last 10 at 50 (where 20 were on offer).
        tickUntilFilled(ana, orderId, "PDEPTHM-USD", "100", "10");
        ana.get(orderId).then().body("status", org.hamcrest.Matchers.equalTo("PARTIALLY_FILLED"));
        tickUntilFilled(ana, orderId, "PDEPTHM-USD", "200", "15");
        tickUntilFilled(ana, orderId, "PDEPTHM-USD", "50", "25");

        Response filled = ana.get(orderId);
        filled.then().body("status", org.hamcrest.Matchers.equalTo("FILLED"));
        // Each at its tick plus 5 bps of slippage, 10 bps taker fee each.
        assertFills(filled, List.of(
                new Fill("10", "100.05", "1.0005"),
                new Fill("5", "200.1", "1.0005"),
                new Fill("10", "50.025", "0.50025")));
    }

    @Test
    void aLimitOrderBeyondTheDepthKeepsRestingWhileTheMarketCrossesIt() {
        Trader ana = Trader.create();
        String orderId = ana.place("PDEPTHL-USD", "BUY", "LIMIT", "25", "100");
        awaitStatus(ana, orderId, "ACCEPTED");

        tickUntilFilled(ana, orderId, "PDEPTHL-USD", "100", "10");
        // Above the limit: nothing fills, and the order keeps what remains.
        tick("PDEPTHL-USD", "101");
        tickUntilFilled(ana, orderId, "PDEPTHL-USD", "80", "22.5");
        tickUntilFilled(ana, orderId, "PDEPTHL-USD", "50", "25");

        Response filled = ana.get(orderId);
        filled.then().body("status", org.hamcrest.Matchers.equalTo("FILLED"));
        // At the market price, 10 bps each (this symbol's maker fee is the default fee).
        assertFills(filled, List.of(
                new Fill("10", "100", "1"),
                new Fill("12.5", "80", "1"),
                new Fill("2.5", "50", "0.125")));
    }

    @Test
    void aSymbolsOwnFeesAndSlippageApplyTakerOnArrivalAndMakerFromTheBook() {
        Trader ana = Trader.create();
        String resting = ana.place("PFEE-USD", "BUY", "LIMIT", "1", "90");
        awaitStatus(ana, resting, "ACCEPTED");
        tick("PFEE-USD", "100");
        await().atMost(Duration.ofSeconds(30)).until(() -> prices.of("PFEE-USD")
                .filter(tick -> tick.price().compareTo(new BigDecimal("100")) == 0).isPresent());

        // PFEE-USD: 20 bps slippage, 25 bps taker, 2 bps maker.
        String market = ana.place("PFEE-USD", "BUY", "MARKET", "1", null);
        awaitStatus(ana, market, "FILLED");
        assertFills(ana.get(market), List.of(new Fill("1", "100.2", "0.2505")));

        String marketable = ana.place("PFEE-USD", "BUY", "LIMIT", "1", "200");
        awaitStatus(ana, marketable, "FILLED");
        assertFills(ana.get(marketable), List.of(new Fill("1", "100", "0.25")));

        tickUntilFilled(ana, resting, "PFEE-USD", "90", "1");
        assertFills(ana.get(resting), List.of(new Fill("1", "90", "0.018")));
    }

    /**
     * A restart is a new broker whose book comes from the database: the rebuilt order fills what remains, no more. A
     * book holding the original quantity would ask for 20 at 50 and pay its fee, though only 15 could be applied.
     */
    @Test
    void aRestartedBrokerRebuildsItsBookWithWhatRemainsOfEachOrder() throws Throwable {
        Trader ana = Trader.create();
        String orderId = ana.place("PRESTART-USD", "BUY", "LIMIT", "25", "100");
        awaitStatus(ana, orderId, "ACCEPTED");
        tickUntilFilled(ana, orderId, "PRESTART-USD", "100", "10");

        PaperBroker restarted = new PaperBroker(lifecycle, prices, orders, risk, pricing);
        restarted.reloadOpenOrders(null);
        // From here only the restarted broker works the order, and only on the tick handed to it.
        paperBroker.forget(UUID.fromString(orderId), "PRESTART-USD");
        MarketTick tick = new MarketTick(1, "PRESTART-USD", new BigDecimal("50"), "test", SEQUENCE.incrementAndGet(),
                Instant.now());
        VertxContextSupport.subscribeAndAwait(() -> restarted.onTick(tick));

        Response filled = ana.get(orderId);
        filled.then().body("status", org.hamcrest.Matchers.equalTo("FILLED"));
        assertFills(filled, List.of(new Fill("10", "100", "1"), new Fill("15", "50", "0.75")));
        assertThat(filled.<String>path("fills[1].fillId")).isEqualTo("paper-" + orderId + "-test-" + tick.sequence());
    }

    private record Fill(String quantity, String price, String fee) {
    }

    private static void assertFills(Response order, List<Fill> expected) {
        List<Map<String, Object>> fills = order.path("fills");
        assertThat(fills).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            Map<String, Object> fill = fills.get(i);
            assertThat(new BigDecimal(fill.get("quantity").toString())).as("quantity of fill %d", i)
                    .isEqualByComparingTo(expected.get(i).quantity());
            assertThat(new BigDecimal(fill.get("price").toString())).as("price of fill %d", i)
                    .isEqualByComparingTo(expected.get(i).price());
            assertThat(new BigDecimal(fill.get("fee").toString())).as("fee of fill %d", i)
                    .isEqualByComparingTo(expected.get(i).fee());
        }
        assertThat(fills.stream().map(fill -> fill.get("fillId")).distinct()).hasSize(expected.size());
    }

    /**
     * Sends a tick at this price and waits for the order to have filled this much. A tick that reaches the book before
     * the order does fills nothing; then another at the same price is sent, which fills the same quantity.
     */
    private static void tickUntilFilled(Trader trader, String orderId, String symbol, String price, String filled) {
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        while (true) {
            tick(symbol, price);
            try {
                await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                        .until(() -> decimal(trader.get(orderId), "filledQuantity").compareTo(new BigDecimal(filled)) >= 0);
                break;
            } catch (ConditionTimeoutException notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
            }
        }
        assertThat(decimal(trader.get(orderId), "filledQuantity")).isEqualByComparingTo(filled);
    }

    private static void awaitStatus(Trader trader, String orderId, String status) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                trader.get(orderId).then().body("status", org.hamcrest.Matchers.equalTo(status)));
    }

    private static BigDecimal decimal(Response response, String path) {
        return new BigDecimal(response.path(path).toString());
    }

    private static void tick(String symbol, String price) {
        KAFKA.send(TICKS, symbol, new MarketTick(1, symbol, new BigDecimal(price), "test", SEQUENCE.incrementAndGet(),
                Instant.now()));
    }

    private record Trader(UUID id, String token, UUID accountId) {
        static Trader create() {
            UUID id = UUID.randomUUID();
            return new Trader(id, TestTokens.trader(id), FakeUserService.paperAccountOf(id));
        }

        String place(String symbol, String side, String type, String quantity, String limitPrice) {
            Map<String, Object> body = new HashMap<>(Map.of("accountId", accountId.toString(), "symbol", symbol,
                    "side", side, "type", type, "quantity", quantity, "clientOrderId", "paper-" + UUID.randomUUID()));
            if (limitPrice != null) {
                body.put("limitPrice", limitPrice);
            }
            return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/v1/orders")
                    .then().statusCode(202).extract().path("orderId");
        }

        Response get(String orderId) {
            return given().auth().oauth2(token).get("/api/v1/orders/" + orderId);
        }
    }
}
