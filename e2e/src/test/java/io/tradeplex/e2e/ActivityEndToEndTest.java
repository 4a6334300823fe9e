package io.tradeplex.e2e;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Per-user activity through the gateway: two traders act at the same time, each sees exactly their own activity,
 * a denied reach into the other's data shows in the attacker's log only, an admin's read shows in the user's log, and
 * a trader's order and strategy lifecycle (read by user-service from orders.v1 and strategies.v1) shows in theirs only.
 */
class ActivityEndToEndTest {
    private static final Duration FLOW_TIMEOUT = Duration.ofSeconds(60);
    private static final String MY_ACTIVITY = "/api/v1/me/activity";

    @Test
    void twoTradersSeeOnlyTheirOwnActivityAndAnAttackIsInTheAttackersLog() {
        CompletableFuture<Client> aliceActs = CompletableFuture.supplyAsync(() -> act("activity-alice"));
        CompletableFuture<Client> bobActs = CompletableFuture.supplyAsync(() -> act("activity-bob"));
        Client alice = aliceActs.join();
        Client bob = bobActs.join();
        String aliceAccount = alice.get("/api/v1/me/broker-accounts").then().extract().path("[0].accountId");

        bob.get("/api/v1/admin/users/" + alice.userId + "/activity").then().statusCode(403);
        bob.get("/api/v1/me/broker-accounts/" + aliceAccount).then().statusCode(404);

        List<Map<String, Object>> bobDenials = awaitEntries(bob, e -> "DENIED".equals(e.get("outcome")), 2);
        assertThat(bobDenials).filteredOn(e -> "DENIED".equals(e.get("outcome"))).extracting(e -> e.get("action"))
                .contains("admin.activity.read", "broker_account.read");
        for (Client trader : List.of(alice, bob)) {
            List<Map<String, Object>> log = awaitEntries(trader, e -> "broker_account.create".equals(e.get("action")), 1);
            assertThat(log).filteredOn(e -> "auth.login".equals(e.get("action"))).hasSize(1);
        }
        // Bob's log names Alice (what he tried to reach); Alice's has nothing of Bob's and no denial.
        List<Map<String, Object>> aliceLog = alice.get(MY_ACTIVITY).then().extract().path("items");
        assertThat(aliceLog.toString()).doesNotContain(bob.userId);
        assertThat(aliceLog).noneMatch(e -> "DENIED".equals(e.get("outcome")));

        String today = LocalDate.now(ZoneOffset.UTC).toString();
        alice.get(MY_ACTIVITY + "/" + today + ".log").then().statusCode(200)
                .contentType(containsString("text/plain"))
                .header("Content-Disposition", containsString("activity-" + today + ".log"))
                .body(containsString("ALLOWED auth.login"));
        alice.get(MY_ACTIVITY + "/not-a-day.log").then().statusCode(400).body("errors[0].field", equalTo("date"));
    }

    @Test
    void anAdminsReadOfATradersActivityShowsInTheTradersLog() {
        Client admin = Client.admin();
        Client trader = act("activity-read");

        admin.get("/api/v1/admin/users/" + trader.userId + "/activity").then().statusCode(200)
                .body("items.action", hasItem("auth.login"));

        awaitEntries(trader, e -> "admin.activity.read".equals(e.get("action")), 1);
    }

    @Test
    void aTradersOrderAndStrategyLifecycleIsInTheirLogOnly() {
        Client alice = Client.newTrader("activity-trader").register().login();
        Client bob = act("activity-bystander");
        String account = alice.post("/api/v1/me/broker-accounts",
                        Map.of("broker", "paper", "label", "Activity paper", "capitalUsd", "10000"))
                .then().statusCode(201).extract().path("accountId");
        // A market order needs a tick to fill at.
        await().atMost(FLOW_TIMEOUT).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                alice.get("/api/v1/market/quotes?symbols=BTC-USD").then().statusCode(200).body("size()", equalTo(1)));
        String orderId = alice.post("/api/v1/orders", Map.of("accountId", account, "symbol", "BTC-USD", "side", "BUY",
                        "type", "MARKET", "quantity", "0.0005", "clientOrderId", "activity-order"))
                .then().statusCode(202).extract().path("orderId");
        await().atMost(FLOW_TIMEOUT).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                alice.get("/api/v1/orders/" + orderId).then().statusCode(200).body("status", equalTo("FILLED")));

        // The account reaches strategy-service through the user's published state.
        String strategyId = await().atMost(FLOW_TIMEOUT).until(() -> {
            Response created = alice.post("/api/v1/strategies", Map.of("template", "sma-crossover",
                    "accountId", account, "symbols", List.of("BTC-USD"),
                    "params", Map.of("fastPeriod", 5, "slowPeriod", 20, "orderSizeUsd", "20")));
            return created.statusCode() == 201 ? created.<String>path("strategyId") : null;
        }, id -> id != null);
        alice.post("/api/v1/strategies/" + strategyId + "/start", Map.of()).then().statusCode(200);
        alice.post("/api/v1/strategies/" + strategyId + "/stop", Map.of()).then().statusCode(200);

        String order = "/api/v1/orders/" + orderId;
        List<Map<String, Object>> orders = awaitEntries(alice, "order",
                e -> order.equals(e.get("resource")) && "order.filled".equals(e.get("action")), 1);
        assertThat(orders).filteredOn(e -> order.equals(e.get("resource"))).extracting(e -> e.get("action"))
                .containsExactlyInAnyOrder("order.accepted", "order.filled");
        assertThat(orders).allSatisfy(e -> {
            assertThat(e.get("kind")).isEqualTo("order");
            assertThat(e.get("outcome")).isEqualTo("ALLOWED");
            assertThat(e.get("accountId")).isEqualTo(account);
        });
        String strategy = "/api/v1/strategies/" + strategyId;
        List<Map<String, Object>> strategies = awaitEntries(alice, "strategy",
                e -> strategy.equals(e.get("resource")) && "strategy.stopped".equals(e.get("action")), 1);
        assertThat(strategies).filteredOn(e -> strategy.equals(e.get("resource"))).extracting(e -> e.get("action"))
                .containsExactlyInAnyOrder("strategy.create", "strategy.started", "strategy.stopped");
        alice.get(MY_ACTIVITY + "/" + LocalDate.now(ZoneOffset.UTC) + ".log").then().statusCode(200)
                .body(containsString("ALLOWED order.filled order.filled BUY 0.0005 BTC-USD @ "));

        // Bob traded nothing: no order or strategy entries, and nothing of Alice's.
        bob.authed().queryParam("kind", "order").get(MY_ACTIVITY).then().statusCode(200)
                .body("items.size()", equalTo(0));
        bob.authed().queryParam("kind", "strategy").get(MY_ACTIVITY).then().statusCode(200)
                .body("items.size()", equalTo(0));
        String bobsLog = bob.authed().queryParam("limit", 200).get(MY_ACTIVITY).then().statusCode(200)
                .extract().asString();
        assertThat(bobsLog).doesNotContain(orderId).doesNotContain(strategyId).doesNotContain(alice.userId);
    }

    private static Client act(String name) {
        Client trader = Client.newTrader(name).register().login();
        trader.openPaperAccount();
        return trader;
    }

    private static List<Map<String, Object>> awaitEntries(Client trader,
                                                          Predicate<Map<String, Object>> wanted,
                                                          int count) {
        return awaitEntries(trader, null, wanted, count);
    }

    /** @param kind the kind filter, or null for every kind */
    private static List<Map<String, Object>> awaitEntries(Client trader, String kind,
                                                          Predicate<Map<String, Object>> wanted,
                                                          int count) {
        await().atMost(FLOW_TIMEOUT).until(() -> items(trader, kind).stream().filter(wanted).count() >= count);
        return items(trader, kind);
    }

    private static List<Map<String, Object>> items(Client trader, String kind) {
        RequestSpecification request = trader.authed().queryParam("limit", 200);
        if (kind != null) {
            request.queryParam("kind", kind);
        }
        return request.get(MY_ACTIVITY).then().statusCode(200).extract().path("items");
    }
}
