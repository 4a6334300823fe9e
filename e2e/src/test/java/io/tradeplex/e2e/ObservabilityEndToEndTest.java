package io.tradeplex.e2e;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The dashboard and the alert rules an operator installs read series the running services really serve: after one
 * filled order and one refused by a risk rule, every metric name in {@code infra/observability} is on some service's
 * {@code /q/metrics} — including the Kafka clients' consumer lag — and no series names the trader.
 */
class ObservabilityEndToEndTest {
    private static final Duration FLOW_TIMEOUT = Duration.ofSeconds(60);
    private static final Map<String, Integer> SERVICE_PORTS = Map.of("gateway", 8080, "auth-service", 8081,
            "user-service", 8082, "strategy-service", 8083, "order-service", 8084, "portfolio-service", 8085);
    private static final Pattern METRIC_NAME = Pattern.compile("\\b(?:tradeplex|kafka)_[a-z0-9_]+");

    @Test
    void everyMetricTheDashboardAndAlertsUseIsServedAndNoneIsPerUser() throws IOException {
        Set<String> used = metricsUsedBy(observabilityDir().resolve("grafana/tradeplex.json"),
                observabilityDir().resolve("prometheus/alerts.yml"));
        assertThat(used).as("metric names found in the dashboard and alert rules")
                .contains("tradeplex_orders_total", "kafka_consumer_fetch_manager_records_lag_max");

        Client trader = Client.newTrader("metrics").register().login();
        String account = trader.openPaperAccount();
        await().atMost(FLOW_TIMEOUT).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                trader.get("/api/v1/market/quotes?symbols=BTC-USD").then().statusCode(200).body("size()", equalTo(1)));
        String orderId = trader.post("/api/v1/orders", Map.of("accountId", account, "symbol", "BTC-USD", "side", "BUY",
                        "type", "MARKET", "quantity", "0.0001", "clientOrderId", "metrics-filled"))
                .then().statusCode(202).extract().path("orderId");
        await().atMost(FLOW_TIMEOUT).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                trader.get("/api/v1/orders/" + orderId).then().statusCode(200).body("status", equalTo("FILLED")));
        // The basic tier trades BTC-USD and ETH-USD only.
        await().atMost(FLOW_TIMEOUT).untilAsserted(() -> trader.post("/api/v1/orders", Map.of("accountId", account,
                        "symbol", "SOL-USD", "side", "BUY", "type", "LIMIT", "quantity", "0.01", "limitPrice", "100",
                        "clientOrderId", "metrics-refused-" + UUID.randomUUID()))
                .then().statusCode(422).body("code", equalTo("SYMBOL_NOT_ALLOWED")));

        await().atMost(FLOW_TIMEOUT).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            String all = String.join("\n", scrapeAll().values());
            List<String> missing = new ArrayList<>();
            for (String metric : used) {
                if (!Pattern.compile("(?m)^" + Pattern.quote(metric) + "[{ ]").matcher(all).find()) {
                    missing.add(metric);
                }
            }
            assertThat(missing).as("metrics the dashboard or alerts use that no service serves").isEmpty();
        });
        scrapeAll().forEach((service, metrics) ->
                assertThat(metrics).as("%s's metrics name no user", service).doesNotContain(trader.userId));
    }

    private static Map<String, String> scrapeAll() {
        Map<String, String> byService = new TreeMap<>();
        SERVICE_PORTS.forEach((service, port) -> {
            Response response = RestAssured.given().baseUri("http://127.0.0.1:" + port).get("/q/metrics");
            response.then().statusCode(200);
            byService.put(service, response.asString());
        });
        return byService;
    }

    private static Set<String> metricsUsedBy(Path... files) throws IOException {
        Set<String> names = new TreeSet<>();
        for (Path file : files) {
            Matcher matcher = METRIC_NAME.matcher(Files.readString(file));
            while (matcher.find()) {
                names.add(matcher.group());
            }
        }
        return names;
    }

    private static Path observabilityDir() {
        Path script = Path.of(System.getProperty("tradeplex.platform.script", "../infra/platform"));
        return script.toAbsolutePath().getParent().resolve("observability");
    }
}
