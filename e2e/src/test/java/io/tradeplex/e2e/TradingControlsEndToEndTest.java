package io.tradeplex.e2e;

import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Tiers, limits and kill switches through the gateway, as a trader and an administrator see them: user-service owns
 * the change, order-service's risk check follows it through the compacted users and controls topics.
 */
class TradingControlsEndToEndTest {
    private static final Duration FLOW_TIMEOUT = Duration.ofSeconds(30);

    @Test
    void aTierUpgradeChangesWhatOrderServiceAcceptsWithinASecond() {
        Client admin = Client.admin();
        Client trader = Client.newTrader("upgrader").register().login();
        String account = trader.openPaperAccount();
        trader.get("/api/v1/me/limits").then().statusCode(200)
                .body("tier", equalTo("basic")).body("maxPositionSizeUsd", equalTo("50"))
                .body("allowedSymbols", hasItem("BTC-USD")).body("canTrade", equalTo(true));

        // 0.002 BTC at 60,000 is 120 USD: above basic's 50, within pro's 200.
        await().atMost(FLOW_TIMEOUT).untilAsserted(() -> order(trader, account, "BTC-USD", "0.002", "60000")
                .then().statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("ORDER_SIZE_LIMIT")).body("detail", containsString("50 USD")));
        order(trader, account, "SOL-USD", "0.01", "100").then().statusCode(422).body("code", equalTo("SYMBOL_NOT_ALLOWED"));

        admin.put("/api/v1/admin/users/" + trader.userId + "/tier", Map.of("tier", "pro", "reason", "e2e upgrade"))
                .then().statusCode(200).body("tier", equalTo("pro"));
        long upgraded = System.nanoTime();
        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(25)).pollDelay(Duration.ZERO)
                .until(() -> order(trader, account, "BTC-USD", "0.002", "60000").statusCode() == 202);
        System.out.printf("e2e: a tier upgrade reached order-service's risk check in %d ms%n",
                (System.nanoTime() - upgraded) / 1_000_000);
        order(trader, account, "SOL-USD", "0.01", "100").then().statusCode(202);
        trader.get("/api/v1/me/limits").then().body("tier", equalTo("pro")).body("maxPositionSizeUsd", equalTo("200"));
    }

    @Test
    void theGlobalKillSwitchStopsEveryUsersNextOrderWithAClearReasonAndTheResetRestoresTrading() {
        Client admin = Client.admin();
        Client ana = Client.newTrader("halt-ana").register().login();
        Client bo = Client.newTrader("halt-bo").register().login();
        String anaAccount = ana.openPaperAccount();
        String boAccount = bo.openPaperAccount();
        await().atMost(FLOW_TIMEOUT).until(() -> order(ana, anaAccount, "BTC-USD", "0.0001", "1000").statusCode() == 202);
        await().atMost(FLOW_TIMEOUT).until(() -> order(bo, boAccount, "ETH-USD", "0.001", "100").statusCode() == 202);

        ana.post("/api/v1/admin/kill-switch", Map.of("reason", "not an admin")).then().statusCode(403);
        try {
            admin.post("/api/v1/admin/kill-switch", Map.of("reason", "e2e: exchange outage")).then().statusCode(200)
                    .body("active", equalTo(true));
            await().atMost(FLOW_TIMEOUT).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
                order(ana, anaAccount, "BTC-USD", "0.0001", "1000").then().statusCode(422)
                        .body("code", equalTo("GLOBAL_KILL_SWITCH")).body("detail", containsString("e2e: exchange outage"));
                order(bo, boAccount, "ETH-USD", "0.001", "100").then().statusCode(422)
                        .body("code", equalTo("GLOBAL_KILL_SWITCH"));
            });
            bo.get("/api/v1/me/limits").then().body("canTrade", equalTo(false)).body("blockedBy", hasItem("GLOBAL_KILL_SWITCH"));
        } finally {
            admin.delete("/api/v1/admin/kill-switch").then().statusCode(200).body("active", equalTo(false));
        }
        await().atMost(FLOW_TIMEOUT).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            order(ana, anaAccount, "BTC-USD", "0.0001", "1000").then().statusCode(202);
            order(bo, boAccount, "ETH-USD", "0.001", "100").then().statusCode(202);
        });
    }

    @Test
    void aTradersOwnKillSwitchHaltsOnlyThemAndAnAdminsSwitchOnlyAnAdminResets() {
        Client admin = Client.admin();
        Client ana = Client.newTrader("self-halt").register().login();
        Client bo = Client.newTrader("bystander").register().login();
        String anaAccount = ana.openPaperAccount();
        String boAccount = bo.openPaperAccount();

        ana.post("/api/v1/me/kill-switch", Map.of("reason", "stepping away")).then().statusCode(200);
        await().atMost(FLOW_TIMEOUT).untilAsserted(() -> order(ana, anaAccount, "BTC-USD", "0.0001", "1000")
                .then().statusCode(422).body("code", equalTo("KILL_SWITCH")).body("detail", containsString("stepping away")));
        await().atMost(FLOW_TIMEOUT).until(() -> order(bo, boAccount, "BTC-USD", "0.0001", "1000").statusCode() == 202);
        ana.delete("/api/v1/me/kill-switch").then().statusCode(200).body("active", equalTo(false));
        await().atMost(FLOW_TIMEOUT).until(() -> order(ana, anaAccount, "BTC-USD", "0.0001", "1000").statusCode() == 202);

        admin.post("/api/v1/admin/users/" + ana.userId + "/kill-switch", Map.of("reason", "compliance review"))
                .then().statusCode(200);
        ana.delete("/api/v1/me/kill-switch").then().statusCode(403).body("code", equalTo("KILL_SWITCH_LOCKED"));
        await().atMost(FLOW_TIMEOUT).untilAsserted(() -> order(ana, anaAccount, "BTC-USD", "0.0001", "1000")
                .then().statusCode(422).body("code", equalTo("KILL_SWITCH")));
        admin.delete("/api/v1/admin/users/" + ana.userId + "/kill-switch").then().statusCode(200);
        await().atMost(FLOW_TIMEOUT).until(() -> order(ana, anaAccount, "BTC-USD", "0.0001", "1000").statusCode() == 202);
    }

    @Test
    void settingsAreValidatedAndKeptPerUser() {
        Client ana = Client.newTrader("settings").register().login();
        ana.put("/api/v1/me/settings", Map.of("riskLevel", "extreme", "notifications", Map.of()))
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("riskLevel"));
        ana.put("/api/v1/me/settings", Map.of("riskLevel", "low", "stopLossPct", "2", "notifications",
                        Map.of("email", true, "orderFills", false, "riskAlerts", true, "dailySummary", false)))
                .then().statusCode(200).body("riskLevel", equalTo("low"));
        ana.get("/api/v1/me/settings").then().body("stopLossPct", equalTo("2"));
    }

    private static Response order(Client trader, String account, String symbol, String quantity, String limitPrice) {
        return trader.post("/api/v1/orders", Map.of("accountId", account, "symbol", symbol, "side", "BUY",
                "type", "LIMIT", "quantity", quantity, "limitPrice", limitPrice, "clientOrderId", "e2e-" + UUID.randomUUID()));
    }
}
