package io.tradeplex.e2e;

import io.tradeplex.contracts.EventSchemas;
import io.tradeplex.contracts.Topics;
import io.tradeplex.contracts.strategies.StrategyStarted;
import io.tradeplex.contracts.strategies.StrategyStopped;
import io.tradeplex.testing.KafkaProbe;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

/**
 * A trader's strategies through the gateway: templates, create on their own paper account, start and stop each
 * independently, the tier's cap, and another trader seeing none of it. (Signals need closed one-minute bars; the
 * runtime's own tests drive those.)
 */
class StrategiesEndToEndTest {
    private static final Duration FLOW_TIMEOUT = Duration.ofSeconds(60);

    @Test
    void aTraderCreatesStartsAndStopsStrategiesIndependentlyAndNobodyElseSeesThem() {
        Client trader = Client.newTrader("strategist").register().login();
        String account = trader.openPaperAccount();
        trader.get("/api/v1/strategies/templates").then().statusCode(200)
                .body("template", hasItems("sma-crossover", "rsi-mean-reversion", "donchian-breakout"));

        // The account reaches strategy-service through the user's published state.
        String first = await().atMost(FLOW_TIMEOUT).until(() -> create(trader, account, "BTC-USD"), id -> id != null);
        String second = create(trader, account, "ETH-USD");
        String third = create(trader, account, "BTC-USD");

        trader.post("/api/v1/strategies/" + first + "/start", Map.of()).then().statusCode(200)
                .body("status", equalTo("RUNNING"));
        trader.post("/api/v1/strategies/" + second + "/start", Map.of()).then().statusCode(200);
        // basic runs two at a time
        trader.post("/api/v1/strategies/" + third + "/start", Map.of()).then().statusCode(422)
                .contentType("application/problem+json").body("code", equalTo("STRATEGY_LIMIT"));
        trader.post("/api/v1/strategies/" + first + "/stop", Map.of()).then().statusCode(200)
                .body("status", equalTo("STOPPED"));
        trader.get("/api/v1/strategies/" + second).then().statusCode(200).body("status", equalTo("RUNNING"));
        trader.get("/api/v1/strategies").then().statusCode(200).body("size()", equalTo(3));

        Client other = Client.newTrader("not-the-owner").register().login();
        other.get("/api/v1/strategies/" + second).then().statusCode(404).contentType("application/problem+json");
        other.post("/api/v1/strategies/" + second + "/stop", Map.of()).then().statusCode(404);
        other.get("/api/v1/strategies").then().statusCode(200).body("size()", equalTo(0));
        other.post("/api/v1/strategies", body(account, "BTC-USD")).then().statusCode(422)
                .body("errors.field", hasItem("accountId"));
        trader.get("/api/v1/strategies/" + second).then().body("status", equalTo("RUNNING"));

        try (KafkaProbe kafka = new KafkaProbe()) {
            List<KafkaProbe.Received> started = kafka.await(Topics.STRATEGIES, trader.userId,
                    record -> StrategyStarted.TYPE.equals(record.type()), 2, Duration.ofSeconds(20));
            assertThat(started).hasSize(2).allSatisfy(record ->
                    assertThat(EventSchemas.violations(StrategyStarted.TYPE, record.value())).isEmpty());
            List<KafkaProbe.Received> stopped = kafka.await(Topics.STRATEGIES, trader.userId,
                    record -> StrategyStopped.TYPE.equals(record.type()), 1, Duration.ofSeconds(20));
            assertThat(stopped).hasSize(1);
        }
        trader.post("/api/v1/strategies/" + second + "/stop", Map.of()).then().statusCode(200);
    }

    private static String create(Client trader, String account, String symbol) {
        var response = trader.post("/api/v1/strategies", body(account, symbol));
        return response.statusCode() == 201 ? response.path("strategyId") : null;
    }

    private static Map<String, Object> body(String account, String symbol) {
        return Map.of("template", "sma-crossover", "accountId", account, "symbols", List.of(symbol),
                "params", Map.of("fastPeriod", 5, "slowPeriod", 20, "orderSizeUsd", "20"));
    }
}
