package io.tradeplex.order.metrics;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.tradeplex.contracts.Topics;
import io.tradeplex.contracts.market.MarketTick;
import io.tradeplex.contracts.users.UserState;
import io.tradeplex.order.risk.RiskRules;
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
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** The order lifecycle and the pre-trade rules show on /q/metrics, tagged by status, broker and rule only. */
@QuarkusTest
@QuarkusTestResource(FakeUserService.class)
class BusinessMetricsTest {
    private static final KafkaProbe KAFKA = new KafkaProbe();
    private static final AtomicLong SEQUENCE = new AtomicLong(System.currentTimeMillis());
    private static final String ACCEPTED = "tradeplex_orders_total{broker=\"paper\",status=\"ACCEPTED\"}";
    private static final String FILLED = "tradeplex_orders_total{broker=\"paper\",status=\"FILLED\"}";
    private static final String FILL_LATENCY = "tradeplex_orders_fill_latency_seconds_count{broker=\"paper\"}";
    private static final String SYMBOL_REFUSED = "tradeplex_risk_rejections_total{rule=\"SYMBOL_NOT_ALLOWED\"}";

    @AfterAll
    static void closeProbe() {
        KAFKA.close();
    }

    @Test
    void aFilledOrderCountsItsTransitionsAndItsFillLatency() {
        UUID user = UUID.randomUUID();
        String token = TestTokens.trader(user);
        UUID account = FakeUserService.paperAccountOf(user);
        String symbol = "T" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36).toUpperCase() + "-USD";
        double accepted = sample(ACCEPTED);
        double filled = sample(FILLED);
        double latencies = sample(FILL_LATENCY);

        Response placed = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("accountId", account.toString(), "symbol", symbol, "side", "BUY", "type", "MARKET",
                        "quantity", "0.5", "clientOrderId", "metrics-" + SEQUENCE.incrementAndGet()))
                .post("/api/v1/orders");
        placed.then().statusCode(202);
        String orderId = placed.path("orderId");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            KAFKA.send(TestTopics.of(Topics.MARKET_TICKS), symbol, new MarketTick(1, symbol, new BigDecimal("100"), "test",
                    SEQUENCE.incrementAndGet(), Instant.now()));
            given().auth().oauth2(token).get("/api/v1/orders/" + orderId).then().statusCode(200)
                    .body("status", equalTo("FILLED"));
        });

        String metrics = scrape();
        assertThat(sample(metrics, ACCEPTED)).isGreaterThan(accepted);
        assertThat(sample(metrics, FILLED)).isGreaterThan(filled);
        assertThat(sample(metrics, FILL_LATENCY)).isGreaterThan(latencies);
        assertThat(metrics).contains("tradeplex_orders_fill_latency_seconds_bucket{broker=\"paper\",le=");
        assertThat(metrics).doesNotContain(user.toString());
    }

    @Test
    void aRefusalByARiskRuleCountsUnderTheRule() {
        UUID user = UUID.randomUUID();
        UUID account = FakeUserService.paperAccountOf(user);
        String token = TestTokens.trader(user);
        BigDecimal max = new BigDecimal("50");
        UserState.Limits limits = new UserState.Limits(max, max, new BigDecimal("25"), 5, List.of("BTC-USD"), null);
        KAFKA.send(TestTopics.of(Topics.USERS), user.toString(), new UserState(1, user, user + "@example.test", "basic",
                "ACTIVE", true, List.of("trader"), List.of("trading:trade"), Instant.now(), false, limits, null, account,
                List.of(new UserState.Account(account, "paper", "READY", new BigDecimal("10000"), null, limits))));
        double refused = sample(SYMBOL_REFUSED);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("accountId", account.toString(), "symbol", "SOL-USD", "side", "BUY", "type", "LIMIT",
                        "quantity", "0.01", "limitPrice", "100", "clientOrderId", "metrics-" + SEQUENCE.incrementAndGet()))
                .post("/api/v1/orders")
                .then().statusCode(422).body("code", equalTo(RiskRules.SYMBOL_NOT_ALLOWED)));

        String metrics = scrape();
        assertThat(sample(metrics, SYMBOL_REFUSED)).isGreaterThan(refused);
        assertThat(metrics).doesNotContain(user.toString());
    }

    @Test
    void brokersWithLimitsShowTheirCircuitAndQueueFromTheStart() {
        // Present, whatever their value: the suite shares one application, whose other tests open circuits.
        String metrics = scrape();
        for (String broker : List.of("binance", "kite")) {
            assertThat(metrics).containsPattern("(?m)^tradeplex_broker_circuit_open\\{broker=\"" + broker + "\"\\} ")
                    .containsPattern("(?m)^tradeplex_broker_traffic_queued\\{broker=\"" + broker + "\"\\} ");
        }
    }

    private static String scrape() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private static double sample(String series) {
        return sample(scrape(), series);
    }

    /** The value of one series, 0 while it has never been recorded. */
    private static double sample(String metrics, String series) {
        Matcher value = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(metrics);
        return value.find() ? Double.parseDouble(value.group(1)) : 0;
    }
}
