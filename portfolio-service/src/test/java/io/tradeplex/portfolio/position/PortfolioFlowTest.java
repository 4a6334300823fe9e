package io.tradeplex.portfolio.position;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tradeplex.contracts.EventJson;
import io.tradeplex.contracts.EventSchemas;
import io.tradeplex.contracts.market.MarketTick;
import io.tradeplex.contracts.orders.OrderAccepted;
import io.tradeplex.contracts.orders.OrderFilled;
import io.tradeplex.contracts.orders.OrderType;
import io.tradeplex.contracts.orders.Side;
import io.tradeplex.contracts.portfolio.PositionChanged;
import io.tradeplex.portfolio.Trader;
import io.tradeplex.testing.KafkaProbe;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/** Fills sent to the real order topic, read back through the REST API and the portfolio topic. */
@QuarkusTest
class PortfolioFlowTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static KafkaProbe kafka;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @BeforeAll
    static void connect() {
        kafka = new KafkaProbe();
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
    }

    @Test
    void aBuyThenAPartialSellShowInPositionsTradesAndStats() {
        Trader trader = new Trader();
        String symbol = Trader.uniqueSymbol();
        trader.send(kafka, trader.fill(symbol, Side.BUY, "2", "100", "0.2"));
        trader.send(kafka, trader.fill(symbol, Side.SELL, "0.5", "110", "0.055"));

        awaitTradeCount(trader, 2);
        trader.api().get("/api/v1/portfolio/positions")
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("$", hasSize(1))
                .body("[0].accountId", equalTo(trader.accountId.toString()))
                .body("[0].symbol", equalTo(symbol))
                .body("[0].quantity", equalTo("1.5"))
                .body("[0].avgPrice", equalTo("100"))
                .body("[0].marketPrice", equalTo("100"))
                .body("[0].unrealizedPnl", equalTo("0"));
        trader.api().get("/api/v1/portfolio/trades")
                .then().statusCode(200)
                .body("total", equalTo(2))
                .body("page", equalTo(0))
                .body("size", equalTo(50))
                .body("items.side", contains("SELL", "BUY"))
                .body("items[0].quantity", equalTo("0.5"))
                .body("items[0].price", equalTo("110"))
                .body("items[0].fee", equalTo("0.055"))
                .body("items[0].realizedPnl", equalTo("5"))
                .body("items[1].realizedPnl", equalTo("0"));
        trader.api().get("/api/v1/portfolio/stats")
                .then().statusCode(200)
                .body("totalTrades", equalTo(2))
                .body("roundTrips", equalTo(0))
                .body("winRate", equalTo("0"))
                .body("realizedPnl", equalTo("5"))
                .body("unrealizedPnl", equalTo("0"))
                .body("fees", equalTo("0.255"))
                .body("totalPnl", equalTo("4.745"))
                .body("activePositions", equalTo(1));
    }

    @Test
    void openPositionsAreMarkedToTheLatestTick() {
        Trader trader = new Trader();
        String symbol = Trader.uniqueSymbol();
        trader.send(kafka, trader.fill(symbol, Side.BUY, "1.5", "100", "0"));
        awaitTradeCount(trader, 1);

        // The tick consumer starts at the live end of the topic: keep ticking until it is listening.
        long[] sequence = {System.currentTimeMillis()};
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            kafka.send(Trader.TICKS, symbol, new MarketTick(MarketTick.SCHEMA_VERSION, symbol, new BigDecimal("120.5"),
                    "test", sequence[0]++, Instant.now()));
            trader.api().get("/api/v1/portfolio/positions")
                    .then().statusCode(200)
                    .body("[0].marketPrice", equalTo("120.5"))
                    .body("[0].unrealizedPnl", equalTo("30.75"));
        });
        trader.api().get("/api/v1/portfolio/stats")
                .then().statusCode(200)
                .body("unrealizedPnl", equalTo("30.75"))
                .body("totalPnl", equalTo("30.75"))
                .body("winRate", equalTo("0"));
    }

    @Test
    void aRedeliveredEventIsAppliedOnce() {
        Trader trader = new Trader();
        String symbol = Trader.uniqueSymbol();
        OrderFilled fill = trader.fill(symbol, Side.BUY, "1", "100", "0.1");
        String eventId = UUID.randomUUID().toString();
        kafka.sendWithId(Trader.ORDERS, trader.key(), eventId, fill);
        kafka.sendWithId(Trader.ORDERS, trader.key(), eventId, fill);
        sendSentinel(trader);

        awaitTradeCount(trader, 2);
        assertPositionQuantity(trader, symbol, "1");
    }

    @Test
    void theSameBrokerFillUnderAnotherEventIdIsAppliedOnce() {
        Trader trader = new Trader();
        String symbol = Trader.uniqueSymbol();
        trader.send(kafka, trader.fill(symbol, Side.BUY, "1", "100", "0.1"));
        String fillId = "broker-fill-" + UUID.randomUUID();
        trader.send(kafka, trader.fill(symbol, Side.BUY, "2", "100", "0.1", fillId));
        trader.send(kafka, trader.fill(symbol, Side.BUY, "2", "100", "0.1", fillId));
        sendSentinel(trader);

        awaitTradeCount(trader, 3);
        assertPositionQuantity(trader, symbol, "3");
    }

    /** The database refuses the fill for a while (as if it were away); the consumer retries until it is applied. */
    @Test
    void aFillThatFailsToApplyIsRetriedUntilItSucceeds() throws Exception {
        Trader trader = new Trader();
        String symbol = Trader.uniqueSymbol();
        String constraint = "test_refuse_" + symbol.replace('-', '_').toLowerCase();
        try (Connection db = DriverManager.getConnection(jdbcUrl, "tradeplex", "tradeplex");
             Statement sql = db.createStatement()) {
            sql.execute("alter table trades add constraint " + constraint + " check (symbol <> '" + symbol + "') not valid");
            try {
                trader.send(kafka, trader.fill(symbol, Side.BUY, "1", "100", "0"));
                Thread.sleep(2_000);
                trader.api().get("/api/v1/portfolio/trades").then().body("total", equalTo(0));
            } finally {
                sql.execute("alter table trades drop constraint " + constraint);
            }
        }

        awaitTradeCount(trader, 1);
        assertPositionQuantity(trader, symbol, "1");
    }

    @Test
    void orderEventsOtherThanFillsAreSkipped() {
        Trader trader = new Trader();
        kafka.send(Trader.ORDERS, trader.key(), new OrderAccepted(OrderAccepted.SCHEMA_VERSION, UUID.randomUUID(),
                trader.userId, trader.accountId, "paper", "c-1", "BTC-USD", Side.BUY, OrderType.MARKET, BigDecimal.ONE,
                null, Instant.now()));
        sendSentinel(trader);

        awaitTradeCount(trader, 1);
        trader.api().get("/api/v1/portfolio/trades").then().body("items[0].symbol", equalTo("SENTINEL-USD"));
    }

    @Test
    void usersNeverSeeEachOthersPortfolio() {
        Trader alice = new Trader();
        Trader bob = new Trader();
        String symbol = Trader.uniqueSymbol();
        alice.send(kafka, alice.fill(symbol, Side.BUY, "1", "100", "0.1"));
        bob.send(kafka, bob.fill(symbol, Side.SELL, "7", "100", "0.7"));
        bob.send(kafka, bob.fill(symbol, Side.BUY, "2", "90", "0.2"));
        awaitTradeCount(alice, 1);
        awaitTradeCount(bob, 2);

        alice.api().get("/api/v1/portfolio/positions")
                .then().body("$", hasSize(1)).body("[0].quantity", equalTo("1"))
                .body("[0].accountId", equalTo(alice.accountId.toString()));
        bob.api().get("/api/v1/portfolio/positions")
                .then().body("$", hasSize(1)).body("[0].quantity", equalTo("-5"))
                .body("[0].accountId", equalTo(bob.accountId.toString()));
        alice.api().queryParam("accountId", bob.accountId).get("/api/v1/portfolio/positions")
                .then().statusCode(200).body("$", empty());
        alice.api().queryParam("accountId", bob.accountId).get("/api/v1/portfolio/trades")
                .then().statusCode(200).body("total", equalTo(0)).body("items", empty());
        alice.api().get("/api/v1/portfolio/trades?format=csv")
                .then().statusCode(200).body(not(containsString(bob.accountId.toString())));
        alice.api().get("/api/v1/portfolio/stats")
                .then().body("totalTrades", equalTo(1)).body("fees", equalTo("0.1")).body("realizedPnl", equalTo("0"));
        bob.api().get("/api/v1/portfolio/stats")
                .then().body("totalTrades", equalTo(2)).body("fees", equalTo("0.9")).body("realizedPnl", equalTo("20"))
                .body("roundTrips", equalTo(0));
    }

    @Test
    void tradesArePagedNewestFirstAndFilteredBySymbolAndAccount() {
        Trader trader = new Trader();
        String first = Trader.uniqueSymbol();
        String second = Trader.uniqueSymbol();
        trader.send(kafka, trader.fill(first, Side.BUY, "1", "10", "0"));
        trader.send(kafka, trader.fill(second, Side.BUY, "2", "20", "0"));
        trader.send(kafka, trader.fill(first, Side.BUY, "3", "30", "0"));
        awaitTradeCount(trader, 3);

        trader.api().queryParam("page", 0).queryParam("size", 2).get("/api/v1/portfolio/trades")
                .then().body("total", equalTo(3)).body("size", equalTo(2)).body("items.quantity", contains("3", "2"));
        trader.api().queryParam("page", 1).queryParam("size", 2).get("/api/v1/portfolio/trades")
                .then().body("total", equalTo(3)).body("items.quantity", contains("1"));
        trader.api().queryParam("symbol", first).get("/api/v1/portfolio/trades")
                .then().body("total", equalTo(2)).body("items.quantity", contains("3", "1"));
        trader.api().queryParam("accountId", trader.accountId).queryParam("symbol", second)
                .get("/api/v1/portfolio/trades")
                .then().body("total", equalTo(1));
        trader.api().queryParam("accountId", trader.accountId).get("/api/v1/portfolio/positions")
                .then().body("$", hasSize(2));
    }

    @Test
    void tradesExportAsCsvWithAHeaderRow() {
        Trader trader = new Trader();
        String symbol = Trader.uniqueSymbol();
        trader.send(kafka, trader.fill(symbol, Side.BUY, "2", "100", "0.2"));
        trader.send(kafka, trader.fill(symbol, Side.SELL, "0.5", "110", "0.055"));
        awaitTradeCount(trader, 2);

        String csv = trader.api().queryParam("format", "csv").get("/api/v1/portfolio/trades")
                .then().statusCode(200)
                .contentType(startsWith("text/csv"))
                .header("Content-Disposition", containsString("attachment"))
                .extract().asString();
        String[] lines = csv.split("\r\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0])
                .isEqualTo("executedAt,accountId,symbol,side,quantity,price,fee,feeCurrency,realizedPnl,orderId,fillId,broker");
        assertThat(lines[1]).contains("," + trader.accountId + "," + symbol + ",SELL,0.5,110,0.055,USD,5,");
        assertThat(lines[2]).contains("," + symbol + ",BUY,2,100,0.2,USD,0,");
    }

    @Test
    void everyAppliedFillPublishesAPositionChangedThatConformsToItsSchema() {
        Trader trader = new Trader();
        String symbol = Trader.uniqueSymbol();
        trader.send(kafka, trader.fill(symbol, Side.BUY, "2", "100", "0.2"));
        String sellEventId = trader.send(kafka, trader.fill(symbol, Side.SELL, "2", "90", "0.2"));

        List<KafkaProbe.Received> changes = kafka.await(Trader.PORTFOLIO, trader.key(),
                received -> PositionChanged.TYPE.equals(received.type()), 2, WAIT);

        assertThat(changes).hasSize(2).allSatisfy(received -> {
            assertThat(EventSchemas.violations(PositionChanged.TYPE, received.value())).isEmpty();
            assertThat(received.subject()).isEqualTo(trader.key());
            assertThat(received.source()).isEqualTo("portfolio-service");
        });
        PositionChanged closed = EventJson.read(changes.get(1).value(), PositionChanged.class);
        assertThat(closed.userId()).isEqualTo(trader.userId);
        assertThat(closed.accountId()).isEqualTo(trader.accountId);
        assertThat(closed.symbol()).isEqualTo(symbol);
        assertThat(closed.quantity()).isZero();
        assertThat(closed.avgPrice()).isZero();
        assertThat(closed.realizedPnl()).isEqualByComparingTo("-20");
        assertThat(closed.causeEventId()).isEqualTo(sellEventId);
        trader.api().get("/api/v1/portfolio/positions").then().body("$", empty());
        trader.api().get("/api/v1/portfolio/stats")
                .then().body("activePositions", equalTo(0)).body("roundTrips", equalTo(1)).body("winRate", equalTo("0"))
                .body("totalPnl", equalTo("-20.4")).body("maxDrawdown", equalTo("20.4"))
                .body("accounts", hasSize(1)).body("accounts[0].accountId", equalTo(trader.accountId.toString()))
                .body("accounts[0].totalPnl", equalTo("-20.4"));
    }

    @Test
    void everyRouteNeedsAToken() {
        for (String path : List.of("/api/v1/portfolio/positions", "/api/v1/portfolio/trades",
                "/api/v1/portfolio/trades?format=csv", "/api/v1/portfolio/stats", "/api/v1/portfolio/pnl")) {
            given().get(path).then().statusCode(401).contentType("application/problem+json");
        }
    }

    @Test
    void malformedQueryParametersAreBadRequestsNamingTheParameter() {
        Trader trader = new Trader();
        String[][] cases = {
                {"/api/v1/portfolio/positions", "accountId", "not-a-uuid"},
                {"/api/v1/portfolio/trades", "accountId", "42"},
                {"/api/v1/portfolio/trades", "symbol", "btc"},
                {"/api/v1/portfolio/trades", "page", "-1"},
                {"/api/v1/portfolio/trades", "page", "x"},
                {"/api/v1/portfolio/trades", "size", "0"},
                {"/api/v1/portfolio/trades", "size", "501"},
                {"/api/v1/portfolio/trades", "format", "xml"},
                {"/api/v1/portfolio/trades", "day", "2026-13-01"},
                {"/api/v1/portfolio/pnl", "from", "yesterday"},
                {"/api/v1/portfolio/pnl", "accountId", "nope"}};
        for (String[] c : cases) {
            trader.api().queryParam(c[1], c[2]).get(c[0])
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo(c[1]));
        }
    }

    /** Fills of one user share a partition, so once this one shows, everything sent before it was consumed. */
    private static void sendSentinel(Trader trader) {
        trader.send(kafka, trader.fill("SENTINEL-USD", Side.BUY, "1", "1", "0"));
    }

    private static void awaitTradeCount(Trader trader, int count) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> trader.api()
                .get("/api/v1/portfolio/trades").then().statusCode(200).body("total", equalTo(count)));
    }

    private static void assertPositionQuantity(Trader trader, String symbol, String quantity) {
        trader.api().queryParam("accountId", trader.accountId).get("/api/v1/portfolio/positions")
                .then().statusCode(200)
                .body("find { it.symbol == '" + symbol + "' }.quantity", equalTo(quantity));
    }
}
