package io.tradeplex.e2e;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.tradeplex.contracts.EventSchemas;
import io.tradeplex.contracts.Topics;
import io.tradeplex.contracts.portfolio.DailyLossLimitBreached;
import io.tradeplex.contracts.portfolio.DailyPnl;
import io.tradeplex.testing.KafkaProbe;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * The portfolio as a trader sees it through the gateway — positions, trades, the day's P&L and statistics after real
 * paper fills — and the daily-loss protection closing the loop through portfolio-, user- and order-service.
 */
class PortfolioEndToEndTest {
    private static final Duration FLOW_TIMEOUT = Duration.ofSeconds(60);

    @Test
    void aRoundTripShowsInPositionsTradesTheDaysPnlAndStats() {
        Client trader = Client.newTrader("portfolio").register().login();
        String account = trader.openPaperAccount();
        marketOrder(trader, account, "BUY", "0.0004");
        await().atMost(FLOW_TIMEOUT).untilAsserted(() -> trader.get("/api/v1/portfolio/positions").then()
                .statusCode(200).body("size()", equalTo(1)).body("[0].quantity", equalTo("0.0004")));
        marketOrder(trader, account, "SELL", "0.0004");
        await().atMost(FLOW_TIMEOUT).untilAsserted(() -> trader.get("/api/v1/portfolio/trades").then()
                .statusCode(200).body("total", equalTo(2)));
        trader.get("/api/v1/portfolio/positions").then().body("size()", equalTo(0));

        JsonPath stats = trader.get("/api/v1/portfolio/stats").then().statusCode(200).extract().jsonPath();
        assertThat(stats.getInt("totalTrades")).isEqualTo(2);
        assertThat(stats.getInt("roundTrips")).isEqualTo(1);
        assertThat(stats.getList("accounts.accountId")).containsExactly(account);
        BigDecimal realized = new BigDecimal(stats.getString("realizedPnl"));
        BigDecimal fees = new BigDecimal(stats.getString("fees"));
        assertThat(fees).isPositive();
        assertThat(new BigDecimal(stats.getString("totalPnl"))).isEqualByComparingTo(realized.subtract(fees));

        // The whole round trip happened today: the day's net is the realized P&L less its fees, nothing unrealized.
        JsonPath day = trader.get("/api/v1/portfolio/pnl").then().statusCode(200).extract().jsonPath();
        assertThat(day.getString("timeZone")).isEqualTo("UTC");
        assertThat(day.getInt("days[0].total.trades")).isEqualTo(2);
        assertThat(new BigDecimal(day.getString("days[0].total.netPnl"))).isEqualByComparingTo(realized.subtract(fees));
        assertThat(new BigDecimal(day.getString("days[0].total.unrealizedPnl"))).isZero();
        trader.authed().queryParam("format", "csv").get("/api/v1/portfolio/trades")
                .then().statusCode(200).contentType(containsString("text/csv")).body(containsString(account));
    }

    @Test
    void reachingTheDailyLossLimitSetsTheKillSwitchAndHoldsNewExposureForTheDay() {
        Client admin = Client.admin();
        Client trader = Client.newTrader("daily-loss").register().login();
        String account = trader.openPaperAccount();
        // One cent: the fees and slippage of a round trip on the paper broker are a loss of several cents.
        admin.put("/api/v1/admin/users/" + trader.userId + "/limits", Map.of("maxDailyLossUsd", "0.01"))
                .then().statusCode(200);
        await().atMost(FLOW_TIMEOUT).untilAsserted(() -> trader.get("/api/v1/me/limits").then()
                .body("maxDailyLossUsd", equalTo("0.01")));

        // A rising market could pay for one round trip's costs; a few in a row cannot, in any plausible simulated feed.
        for (int trip = 0; trip < 5 && canTrade(trader); trip++) {
            int trades = 2 * (trip + 1);
            marketOrder(trader, account, "BUY", "0.0004");
            marketOrder(trader, account, "SELL", "0.0004");
            await().atMost(FLOW_TIMEOUT).untilAsserted(() -> trader.get("/api/v1/portfolio/trades").then()
                    .body("total", equalTo(trades)));
            try {
                await().atMost(Duration.ofSeconds(5)).until(() -> !canTrade(trader));
            } catch (ConditionTimeoutException stillWithinTheLimit) {
                // the market paid for this trip: trade again
            }
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> trader.get("/api/v1/me/limits").then()
                .body("canTrade", equalTo(false)).body("blockedBy", hasItem("KILL_SWITCH")));
        assertThat(dayNet(trader)).isLessThanOrEqualTo(new BigDecimal("-0.01"));
        order(trader, account, "BUY", "0.0004").then().statusCode(422).body("code", equalTo("KILL_SWITCH"))
                .body("detail", containsString("Daily loss limit"));
        // The platform set it: the trader cannot lift it themself.
        trader.delete("/api/v1/me/kill-switch").then().statusCode(403).body("code", equalTo("KILL_SWITCH_LOCKED"));

        try (KafkaProbe kafka = new KafkaProbe()) {
            List<KafkaProbe.Received> breaches = kafka.await(Topics.PORTFOLIO, trader.userId,
                    record -> DailyLossLimitBreached.TYPE.equals(record.type()), 2, Duration.ofSeconds(3));
            assertThat(breaches).hasSize(1);
            assertThat(EventSchemas.violations(DailyLossLimitBreached.TYPE, breaches.get(0).value())).isEmpty();
            List<KafkaProbe.Received> days = kafka.await(Topics.PORTFOLIO, trader.userId,
                    record -> DailyPnl.TYPE.equals(record.type()), 1, Duration.ofSeconds(10));
            assertThat(days).isNotEmpty();
            assertThat(EventSchemas.violations(DailyPnl.TYPE, days.get(0).value())).isEmpty();
        }

        // An admin lifts the switch; today's loss still holds new exposure until the limit is raised.
        admin.delete("/api/v1/admin/users/" + trader.userId + "/kill-switch").then().statusCode(200);
        await().atMost(FLOW_TIMEOUT).untilAsserted(() -> order(trader, account, "BUY", "0.0004").then()
                .statusCode(422).body("code", equalTo("DAILY_LOSS_LIMIT")));
        admin.put("/api/v1/admin/users/" + trader.userId + "/limits", Map.of("maxDailyLossUsd", "20"))
                .then().statusCode(200);
        await().atMost(FLOW_TIMEOUT).until(() -> order(trader, account, "BUY", "0.0004").statusCode() == 202);
    }

    private static boolean canTrade(Client trader) {
        return trader.get("/api/v1/me/limits").then().statusCode(200).extract().<Boolean>path("canTrade");
    }

    private static BigDecimal dayNet(Client trader) {
        return new BigDecimal(trader.get("/api/v1/portfolio/pnl").then().statusCode(200).extract()
                .<String>path("total.netPnl"));
    }

    private static void marketOrder(Client trader, String account, String side, String quantity) {
        await().atMost(FLOW_TIMEOUT).until(() -> order(trader, account, side, quantity).statusCode() == 202);
    }

    private static Response order(Client trader, String account, String side, String quantity) {
        return trader.post("/api/v1/orders", Map.of("accountId", account, "symbol", "BTC-USD", "side", side,
                "type", "MARKET", "quantity", quantity, "clientOrderId", "e2e-" + UUID.randomUUID()));
    }
}
