package io.tradeplex.strategy.backtest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.tradeplex.kit.tenant.Tenant;
import io.tradeplex.strategy.market.bars.Bar;
import io.tradeplex.strategy.market.bars.BarInterval;
import io.tradeplex.testing.TestTokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.tradeplex.testing.RowLevelSecurityProbe.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class BacktestResourceTest {
    private static final String BACKTESTS = "/api/v1/backtests";
    private static final String SMA = """
            {"template": "sma-crossover", "symbols": ["BTC-USD", "ETH-USD"],
             "params": {"fastPeriod": 10, "slowPeriod": 30, "orderSizeUsd": "1000", "stopLossPct": 3,
                        "trailingStopPct": "2.5"}}""";

    @Inject
    TestBarHistory history;
    @Inject
    BacktestRepository repository;

    @Test
    void aBacktestRunsToDoneAndAFixedDataSetGivesTheSameResultEveryTime() {
        String token = TestTokens.trader(UUID.randomUUID());

        Response started = post(token, SMA);
        started.then().statusCode(202)
                .body("status", equalTo("RUNNING"))
                .body("progress", equalTo(0.0f))
                .body("backtestId", notNullValue());
        String id = started.jsonPath().getString("backtestId");
        assertThat(started.getHeader("Location")).endsWith(BACKTESTS + "/" + id);
        JsonPath first = awaitEnd(token, id);
        JsonPath second = awaitEnd(token, post(token, SMA).then().statusCode(202).extract().path("backtestId"));

        assertThat(first.getString("status")).isEqualTo("DONE");
        assertThat(first.getFloat("progress")).isEqualTo(1.0f);
        assertThat(first.getString("finishedAt")).isNotNull();
        Map<String, Object> result = first.getMap("result");
        assertThat(result).isEqualTo(second.getMap("result"));
        assertThat((Integer) result.get("numberOfTrades")).isGreaterThan(10);
        assertThat(first.getList("result.trades")).hasSize((Integer) result.get("numberOfTrades"));
        assertThat(first.getList("result.equityCurve")).hasSize(TestBarHistory.WALK_BARS);
        assertThat(result.get("bars")).isEqualTo(2 * TestBarHistory.WALK_BARS);
        assertThat(result.get("finalEquityUsd")).asString().matches("[0-9]+(\\.[0-9]{1,8})?");
        assertThat(first.getString("result.trades[0].price")).matches("[0-9]+(\\.[0-9]{1,8})?");
        // The request as it ran, with its defaults.
        assertThat(first.getMap("request")).containsEntry("interval", "1h").containsEntry("initialCapitalUsd", "10000")
                .containsEntry("feeBps", "10").containsEntry("slippageBps", "5")
                .containsEntry("symbols", List.of("BTC-USD", "ETH-USD"));
        assertThat(first.getMap("request.params")).containsEntry("fastPeriod", 10).containsEntry("orderSizeUsd", "1000");
    }

    @Test
    void progressGrowsWhileItRunsAndReachesOne() {
        history.add(TestBarHistory.walk("LONG-USD", 5, "100.00", 60_000));
        String token = TestTokens.trader(UUID.randomUUID());
        String id = post(token, """
                {"template": "rsi-mean-reversion", "symbol": "LONG-USD",
                 "params": {"period": 14, "oversold": 30, "overbought": 70, "orderSizeUsd": 100}}""")
                .then().statusCode(202).extract().path("backtestId");
        List<Float> seen = new ArrayList<>();

        JsonPath done = await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(20)).until(() -> {
            JsonPath now = given().auth().oauth2(token).when().get(BACKTESTS + "/" + id).then().statusCode(200)
                    .extract().jsonPath();
            if ("RUNNING".equals(now.getString("status"))) {
                seen.add(now.getFloat("progress"));
            }
            return now;
        }, json -> !"RUNNING".equals(json.getString("status")));

        assertThat(done.getString("status")).isEqualTo("DONE");
        assertThat(done.getFloat("progress")).isEqualTo(1.0f);
        assertThat(seen).as("progress while running").isSorted().allSatisfy(p -> assertThat(p).isBetween(0f, 1f))
                .anySatisfy(p -> assertThat(p).isStrictlyBetween(0f, 1f));
    }

    @Test
    void theMetricsOfAHandComputedSeriesComeBackAsDecimalStrings() {
        history.add(handSeries("HAND-USD"));
        String token = TestTokens.trader(UUID.randomUUID());

        JsonPath done = awaitEnd(token, post(token, """
                {"template": "donchian-breakout", "symbol": "HAND-USD", "initialCapitalUsd": 1000, "feeBps": 10,
                 "slippageBps": 0, "params": {"period": 2, "orderSizeUsd": 100, "takeProfitPct": 10,
                 "stopLossPct": 20}}""").then().statusCode(202).extract().path("backtestId"));

        // The series and the arithmetic of BacktestSimulatorTest.metricsOfAHandComputedSeries.
        assertThat(done.getString("status")).isEqualTo("DONE");
        assertThat(done.getString("result.finalEquityUsd")).isEqualTo("1006.29333873");
        assertThat(done.getString("result.totalReturn")).isEqualTo("0.00629334");
        assertThat(done.getString("result.winRate")).isEqualTo("0.5");
        assertThat(done.getString("result.maxDrawdown")).isEqualTo("0.01322507");
        assertThat(done.getString("result.maxDrawdownUsd")).isEqualTo("13.48666127");
        assertThat(done.getInt("result.numberOfTrades")).isEqualTo(4);
        assertThat(done.getList("result.trades.realizedPnl")).containsExactly("0", "19.78", "0", "-13.48666127");
        assertThat(done.getList("result.trades.side")).containsExactly("BUY", "SELL", "BUY", "SELL");
        assertThat(done.getList("result.trades.kind")).containsExactly("ENTRY", "TAKE_PROFIT", "ENTRY", "STOP_LOSS");
        assertThat(done.getString("result.trades[0].time")).isEqualTo("2024-01-01T03:00:00Z");
        assertThat(done.getString("result.sharpeRatio")).startsWith("12.973220");
    }

    @Test
    void anotherUsersBacktestIsNotFoundAndNotListed() {
        String ana = TestTokens.trader(UUID.randomUUID());
        String bob = TestTokens.trader(UUID.randomUUID());
        String id = post(ana, SMA).then().statusCode(202).extract().path("backtestId");

        given().auth().oauth2(bob).when().get(BACKTESTS + "/" + id)
                .then().statusCode(404).contentType("application/problem+json").body("code", equalTo("NOT_FOUND"));
        given().auth().oauth2(bob).when().get(BACKTESTS).then().statusCode(200).body("$", hasSize(0));
        given().auth().oauth2(ana).when().get(BACKTESTS + "/" + UUID.randomUUID()).then().statusCode(404);
        given().auth().oauth2(ana).when().get(BACKTESTS + "/not-an-id").then().statusCode(404);
        given().auth().oauth2(ana).when().get(BACKTESTS).then().statusCode(200)
                .body("$", hasSize(1)).body("[0].backtestId", equalTo(id)).body("[0].template", equalTo("sma-crossover"));
        awaitEnd(ana, id);
    }

    @Test
    void theListIsNewestFirstPaginatedAndWithoutResults() {
        UUID user = UUID.randomUUID();
        String token = TestTokens.trader(user);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String id = post(token, """
                    {"template": "rsi-mean-reversion", "symbol": "ETH-USD", "to": "2024-01-20T00:00:00Z",
                     "params": {"period": 14, "oversold": 30, "overbought": 70, "orderSizeUsd": 100}}""")
                    .then().statusCode(202).extract().path("backtestId");
            awaitEnd(token, id);
            ids.add(0, id);
        }

        List<Map<String, Object>> all = given().auth().oauth2(token).when().get(BACKTESTS)
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(all).extracting(row -> row.get("backtestId")).containsExactlyElementsOf(ids);
        assertThat(all).allSatisfy(row -> assertThat(row).doesNotContainKey("result").containsEntry("status", "DONE"));
        given().auth().oauth2(token).queryParam("page", 1).queryParam("size", 2).when().get(BACKTESTS)
                .then().statusCode(200).body("$", hasSize(1)).body("[0].backtestId", equalTo(ids.get(2)));
        given().auth().oauth2(token).queryParam("size", 0).when().get(BACKTESTS)
                .then().statusCode(400).body("errors[0].field", equalTo("size"));
    }

    @Test
    void badInputIsABadRequestNamingTheField() {
        UUID user = UUID.randomUUID();
        String token = TestTokens.trader(user);
        Map<String, String> cases = Map.ofEntries(
                Map.entry("{\"symbols\": [\"BTC-USD\"], \"params\": {}}", "template"),
                Map.entry("{\"template\": \"sma-crossover\", \"symbols\": [\"BTC-USD\"],"
                        + " \"params\": {\"fastPeriod\": 30, \"slowPeriod\": 10, \"orderSizeUsd\": 5}}", "params.fastPeriod"),
                Map.entry("{\"template\": \"sma-crossover\", \"symbols\": [\"BTC-USD\"],"
                        + " \"params\": {\"fastPeriod\": 3, \"slowPeriod\": 10, \"orderSizeUsd\": 5, \"userId\": 1}}",
                        "params.userId"),
                Map.entry(sma("\"symbols\": [\"BTC-USD\", \"btc\"]"), "symbols[1]"),
                Map.entry(sma("\"symbols\": [\"BTC-USD\", \"BTC-USD\"]"), "symbols[1]"),
                Map.entry(sma("\"symbols\": []"), "symbols"),
                Map.entry(sma("\"interval\": \"1h\""), "symbols"),
                Map.entry(sma("\"symbol\": \"ETH-USD\", \"symbols\": [\"BTC-USD\"]"), "symbol"),
                Map.entry(sma("\"symbol\": \"BTC-USD\", \"interval\": \"2h\""), "interval"),
                Map.entry(sma("\"symbol\": \"BTC-USD\", \"from\": \"yesterday\""), "from"),
                Map.entry(sma("\"symbol\": \"BTC-USD\", \"from\": \"2024-02-01T00:00:00Z\", \"to\": \"2024-01-01T00:00:00Z\""), "to"),
                Map.entry(sma("\"symbol\": \"BTC-USD\", \"initialCapitalUsd\": \"0\""), "initialCapitalUsd"),
                Map.entry(sma("\"symbol\": \"BTC-USD\", \"feeBps\": -1"), "feeBps"),
                Map.entry(sma("\"symbol\": \"BTC-USD\", \"slippageBps\": \"lots\""), "slippageBps"));
        cases.forEach((body, field) -> given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post(BACKTESTS)
                .then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("VALIDATION"))
                .body("errors.field", org.hamcrest.Matchers.hasItem(field)));
        given().auth().oauth2(token).contentType(ContentType.JSON).when().post(BACKTESTS)
                .then().statusCode(400).body("errors[0].field", equalTo("body"));

        // Nothing was recorded.
        given().auth().oauth2(token).when().get(BACKTESTS).then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void aSymbolWithoutHistoryIsUnprocessable() {
        String token = TestTokens.trader(UUID.randomUUID());

        post(token, sma("\"symbols\": [\"BTC-USD\", \"NONE-USD\"]"))
                .then().statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("NO_HISTORY"))
                .body("errors[0].field", equalTo("symbols[1]"));
        post(token, sma("\"symbol\": \"BTC-USD\", \"interval\": \"5m\""))
                .then().statusCode(422).body("code", equalTo("NO_HISTORY")).body("errors[0].field", equalTo("symbol"));
        given().auth().oauth2(token).when().get(BACKTESTS).then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void aRangeWithoutBarsFailsSayingSo() {
        String token = TestTokens.trader(UUID.randomUUID());

        JsonPath failed = awaitEnd(token, post(token, sma("\"symbol\": \"BTC-USD\", \"from\": \"2030-01-01T00:00:00Z\""))
                .then().statusCode(202).extract().path("backtestId"));

        assertThat(failed.getString("status")).isEqualTo("FAILED");
        assertThat(failed.getString("error")).startsWith("NO_BARS: no 1h bars of BTC-USD");
        assertThat(failed.getMap("$")).doesNotContainKey("result");
    }

    @Test
    void aUserWithTheirShareRunningIsRefused() throws Throwable {
        UUID user = UUID.randomUUID();
        String token = TestTokens.trader(user);
        insertRunning(user, Instant.now());
        insertRunning(user, Instant.now());

        post(token, sma("\"symbol\": \"BTC-USD\"")).then().statusCode(429).contentType("application/problem+json")
                .body("code", equalTo("BACKTEST_LIMIT"));
        // Another user is not held back by them.
        post(TestTokens.trader(UUID.randomUUID()), sma("\"symbol\": \"BTC-USD\"")).then().statusCode(202);
    }

    @Test
    void aBacktestLeftRunningByAStoppedInstanceIsMarkedInterrupted() throws Throwable {
        UUID user = UUID.randomUUID();
        UUID stale = insertRunning(user, Instant.now().minus(Duration.ofHours(1)));
        UUID fresh = insertRunning(user, Instant.now().plus(Duration.ofHours(1)));
        String token = TestTokens.trader(user);

        JsonPath interrupted = awaitEnd(token, stale.toString());

        assertThat(interrupted.getString("status")).isEqualTo("FAILED");
        assertThat(interrupted.getString("error")).isEqualTo(BacktestRunner.INTERRUPTED);
        given().auth().oauth2(token).when().get(BACKTESTS + "/" + fresh).then().body("status", equalTo("RUNNING"));
    }

    @Test
    void aTokenIsRequired() {
        given().contentType(ContentType.JSON).body(SMA).when().post(BACKTESTS)
                .then().statusCode(401).contentType("application/problem+json");
        given().when().get(BACKTESTS).then().statusCode(401);
    }

    private UUID insertRunning(UUID user, Instant heartbeat) throws Throwable {
        BacktestEntity row = new BacktestEntity();
        row.id = UUID.randomUUID();
        row.userId = user;
        row.template = "sma-crossover";
        row.request = "{}";
        row.status = BacktestEntity.RUNNING;
        row.progress = BigDecimal.ZERO;
        row.createdAt = Instant.now();
        row.heartbeatAt = heartbeat;
        run(() -> Tenant.transaction(user, () -> repository.persist(row)));
        return row.id;
    }

    private static String sma(String symbolsAndMore) {
        return "{\"template\": \"sma-crossover\", " + symbolsAndMore
                + ", \"params\": {\"fastPeriod\": 10, \"slowPeriod\": 30, \"orderSizeUsd\": 1000}}";
    }

    private static Response post(String token, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).when().post(BACKTESTS);
    }

    private static JsonPath awaitEnd(String token, String id) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(
                () -> given().auth().oauth2(token).when().get(BACKTESTS + "/" + id)
                        .then().statusCode(200).extract().jsonPath(),
                json -> !"RUNNING".equals(json.getString("status")));
    }

    /** BacktestSimulatorTest's series, 1h bars from 2024-01-01; every low is 1. */
    private static List<Bar> handSeries(String symbol) {
        String[][] ohc = {{"99", "99", "99"}, {"99", "99", "99"}, {"99", "100", "100"}, {"100", "105", "105"},
                {"105", "110", "110"}, {"120", "120", "120"}, {"100", "100", "90"}, {"84", "84", "80"}};
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < ohc.length; i++) {
            bars.add(new Bar(symbol, BarInterval.H1, TestBarHistory.START.plus(Duration.ofHours(i)),
                    new BigDecimal(ohc[i][0]), new BigDecimal(ohc[i][1]), BigDecimal.ONE, new BigDecimal(ohc[i][2]),
                    BigDecimal.ONE));
        }
        return bars;
    }
}
