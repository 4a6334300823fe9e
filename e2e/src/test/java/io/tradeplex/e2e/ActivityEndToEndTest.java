package io.tradeplex.e2e;

import io.restassured.response.Response;
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
 * a denied reach into the other's data shows in the attacker's log only, and an admin's read shows in the user's log.
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

    private static Client act(String name) {
        Client trader = Client.newTrader(name).register().login();
        trader.openPaperAccount();
        return trader;
    }

    private static List<Map<String, Object>> awaitEntries(Client trader,
                                                          Predicate<Map<String, Object>> wanted,
                                                          int count) {
        await().atMost(FLOW_TIMEOUT).until(() -> {
            Response page = trader.authed().queryParam("limit", 200).get(MY_ACTIVITY);
            List<Map<String, Object>> items = page.then().statusCode(200).extract().path("items");
            return items.stream().filter(wanted).count() >= count;
        });
        return trader.authed().queryParam("limit", 200).get(MY_ACTIVITY).then().extract().path("items");
    }
}
