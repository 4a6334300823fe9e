package io.tradeplex.user.activity;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.smallrye.common.vertx.VertxContext;
import io.tradeplex.contracts.Topics;
import io.tradeplex.contracts.audit.AuditEvent;
import io.tradeplex.testing.KafkaProbe;
import io.tradeplex.testing.TestTokens;
import io.tradeplex.user.support.UserDb;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class ActivityTest {
    private static final String TOPIC = "test." + Topics.AUDIT;
    private static final String MY_ACTIVITY = "/api/v1/me/activity";
    private static final Duration EVENT_TIMEOUT = Duration.ofSeconds(60);
    private static KafkaProbe kafka;

    @Inject
    Pool pool;
    @Inject
    ActivityRetention retention;
    @Inject
    Vertx vertx;

    @BeforeAll
    static void openKafka() {
        kafka = new KafkaProbe();
    }

    @AfterAll
    static void closeKafka() {
        kafka.close();
    }

    @Test
    void twoUsersActingAtOnceEachSeeExactlyTheirOwnAndACrossTenantAttemptIsOnlyInTheAttackersLog() throws Exception {
        UUID alice = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        String aliceAccount = given().auth().oauth2(TestTokens.trader(alice)).contentType(ContentType.JSON)
                .body(Map.of("broker", "paper", "label", "Alice main")).post("/api/v1/me/broker-accounts")
                .then().statusCode(201).extract().path("accountId");
        int perUser = 12;

        ExecutorService both = Executors.newFixedThreadPool(2);
        try {
            CompletableFuture<Void> aliceActs = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < perUser; i++) {
                    kafka.send(TOPIC, alice.toString(), event(alice, "order.place", "order-" + i, Instant.now()));
                }
            }, both);
            CompletableFuture<Void> bobActs = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < perUser; i++) {
                    kafka.send(TOPIC, bob.toString(), event(bob, "order.place", "order-" + i, Instant.now()));
                }
                given().auth().oauth2(TestTokens.trader(bob)).get("/api/v1/admin/users/" + alice + "/activity")
                        .then().statusCode(403);
                given().auth().oauth2(TestTokens.trader(bob)).get("/api/v1/me/broker-accounts/" + aliceAccount)
                        .then().statusCode(404);
            }, both);
            CompletableFuture.allOf(aliceActs, bobActs).get(60, TimeUnit.SECONDS);
        } finally {
            both.shutdown();
        }

        // Alice: her orders and her account's creation. Bob: his orders and his two denied reaches into Alice's data.
        List<Map<String, Object>> aliceLog = awaitEntries(alice, perUser + 1);
        List<Map<String, Object>> bobLog = awaitEntries(bob, perUser + 2);
        assertThat(aliceLog).filteredOn(e -> e.get("action").equals("order.place")).hasSize(perUser);
        assertThat(aliceLog).filteredOn(e -> e.get("action").equals("broker_account.create")).singleElement()
                .satisfies(e -> assertThat(e.get("accountId")).isEqualTo(aliceAccount));
        assertThat(aliceLog).allSatisfy(e -> assertThat(e.get("outcome")).isEqualTo("ALLOWED"));
        assertThat(aliceLog.toString()).doesNotContain(bob.toString());
        assertThat(bobLog).filteredOn(e -> e.get("action").equals("order.place")).hasSize(perUser);
        assertThat(bobLog).filteredOn(e -> e.get("action").equals("admin.activity.read")).singleElement()
                .satisfies(e -> {
                    assertThat(e.get("outcome")).isEqualTo("DENIED");
                    assertThat(e.get("reason")).isEqualTo("PERMISSION_MISSING");
                    assertThat((String) e.get("resource")).contains(alice.toString());
                });
        assertThat(bobLog).filteredOn(e -> e.get("action").equals("broker_account.read")).singleElement()
                .satisfies(e -> {
                    assertThat(e.get("outcome")).isEqualTo("DENIED");
                    assertThat(e.get("reason")).isEqualTo("NOT_FOUND");
                    assertThat(e.get("accountId")).isEqualTo(aliceAccount);
                });
        // What was stored, not only what the API shows: no row of Bob's in Alice's data and vice versa.
        assertThat(UserDb.query(pool, alice, "select count(*) from activity where user_id = $1", bob).get(0).getLong(0))
                .isZero();
        assertThat(UserDb.query(pool, alice, "select count(*) from activity").get(0).getLong(0))
                .isEqualTo(perUser + 1L);
        assertThat(UserDb.query(pool, alice, "select count(*) from activity where summary like '%denied%'").get(0)
                .getLong(0)).isZero();
    }

    @Test
    void pagesNewestFirstAndFiltersByDayKindAndAccount() {
        UUID user = UUID.randomUUID();
        UUID account = UUID.randomUUID();
        Instant today = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant yesterday = today.minus(1, ChronoUnit.DAYS);
        kafka.send(TOPIC, user.toString(), event(user, "auth.login", "login", yesterday));
        for (int i = 0; i < 4; i++) {
            kafka.send(TOPIC, user.toString(), event(user, "order.place", "o" + i, today.plusSeconds(i)));
        }
        kafka.send(TOPIC, user.toString(), new AuditEvent(1, user, user, "strategy.start", AuditEvent.ALLOWED, null,
                "strategy-1", null, Map.of("accountId", account.toString()), today.plusSeconds(10)));
        String token = TestTokens.trader(user);
        awaitEntries(user, 6);

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().auth().oauth2(token).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get(MY_ACTIVITY).then().statusCode(200).extract().response();
            seen.addAll(page.path("items.resource"));
            cursor = page.path("nextCursor");
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactly("strategy-1", "o3", "o2", "o1", "o0", "login");

        String day = LocalDate.ofInstant(yesterday, ZoneOffset.UTC).toString();
        given().auth().oauth2(token).queryParam("day", day).get(MY_ACTIVITY).then().statusCode(200)
                .body("items.resource", equalTo(List.of("login")));
        given().auth().oauth2(token).queryParam("kind", "order").get(MY_ACTIVITY).then()
                .body("items.size()", equalTo(4));
        given().auth().oauth2(token).queryParam("accountId", account.toString()).get(MY_ACTIVITY).then()
                .body("items.resource", equalTo(List.of("strategy-1")));
        given().auth().oauth2(token).queryParam("day", "2026-02-30").get(MY_ACTIVITY).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("day"));
        given().auth().oauth2(token).queryParam("cursor", "not-a-cursor").get(MY_ACTIVITY).then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void downloadsOneDayAsATextFileOneLinePerEntry() {
        UUID user = UUID.randomUUID();
        Instant noon = LocalDate.now(ZoneOffset.UTC).atTime(12, 0).toInstant(ZoneOffset.UTC);
        kafka.send(TOPIC, user.toString(), event(user, "auth.login", "first", noon));
        kafka.send(TOPIC, user.toString(), new AuditEvent(1, user, user, "auth.login", AuditEvent.DENIED,
                "BAD_CREDENTIALS", "second\nforged line", null, Map.of(), noon.plusSeconds(1)));
        kafka.send(TOPIC, user.toString(), event(user, "auth.login", "other-day", noon.minus(2, ChronoUnit.DAYS)));
        awaitEntries(user, 3);
        String day = LocalDate.ofInstant(noon, ZoneOffset.UTC).toString();

        Response file = given().auth().oauth2(TestTokens.trader(user)).get(MY_ACTIVITY + "/" + day + ".log")
                .then().statusCode(200).contentType(containsString("text/plain"))
                .header("Content-Disposition", equalTo("attachment; filename=\"activity-" + day + ".log\""))
                .extract().response();

        List<String> lines = file.asString().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith(day + "T12:00:00.000Z ALLOWED auth.login").contains("on first");
        assertThat(lines.get(1)).contains("DENIED auth.login auth.login denied (BAD_CREDENTIALS) on second\\nforged line");
        given().auth().oauth2(TestTokens.trader(user)).get(MY_ACTIVITY + "/2026-13-01.log").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("date"));
    }

    @Test
    void theSameEventDeliveredTwiceIsStoredOnce() {
        UUID user = UUID.randomUUID();
        String id = UUID.randomUUID().toString();
        AuditEvent login = event(user, "auth.login", "once", Instant.now());
        kafka.sendWithId(TOPIC, user.toString(), id, login);
        kafka.sendWithId(TOPIC, user.toString(), id, login);
        // Same partition (same key), so once this later one is stored, both copies have been consumed.
        kafka.send(TOPIC, user.toString(), event(user, "auth.logout", "after", Instant.now().plusSeconds(1)));

        List<Map<String, Object>> log = awaitEntries(user, 2);

        assertThat(log).extracting(e -> e.get("id")).containsOnlyOnce(id);
        assertThat(log).hasSize(2);
    }

    @Test
    void anAdminReadsAUsersActivityAndTheReadIsInBothLogs() {
        UUID admin = UUID.randomUUID();
        UUID trader = UUID.randomUUID();
        String adminToken = TestTokens.forUser(admin, Set.of("admin", "trader"));
        kafka.send(TOPIC, trader.toString(), event(trader, "order.place", "o1", Instant.now()));
        awaitEntries(trader, 1);

        given().auth().oauth2(adminToken).get("/api/v1/admin/users/" + trader + "/activity").then().statusCode(200)
                .body("items.resource", equalTo(List.of("o1")));
        given().auth().oauth2(adminToken).get("/api/v1/admin/users/" + trader + "/activity/"
                + LocalDate.now(ZoneOffset.UTC) + ".log").then().statusCode(200).body(containsString("on o1"));

        List<Map<String, Object>> traderLog = awaitEntries(trader, 3);
        assertThat(traderLog).filteredOn(e -> e.get("action").equals("admin.activity.read")).hasSize(2)
                .allSatisfy(e -> assertThat(e.get("actorId")).isEqualTo(admin.toString()));
        assertThat(awaitEntries(admin, 2)).extracting(e -> e.get("action")).containsOnly("admin.activity.read");

        // A trader may not read anyone's activity this way, not even learn that it exists; the try is audited.
        given().auth().oauth2(TestTokens.trader(trader)).get("/api/v1/admin/users/" + admin + "/activity")
                .then().statusCode(403);
        assertThat(awaitEntries(trader, 4)).filteredOn(e -> e.get("outcome").equals("DENIED")).singleElement()
                .satisfies(e -> assertThat(e.get("reason")).isEqualTo("PERMISSION_MISSING"));
    }

    @Test
    void entriesCannotBeChangedOrDeletedByTheService() {
        UUID user = UUID.randomUUID();
        kafka.send(TOPIC, user.toString(), event(user, "auth.login", "kept", Instant.now()));
        awaitEntries(user, 1);

        assertThatThrownBy(() -> UserDb.query(pool, user, "update activity set summary = 'rewritten'"))
                .hasMessageContaining("append-only");
        // No delete policy for a user: the statement runs and deletes nothing.
        UserDb.query(pool, user, "delete from activity");

        assertThat(UserDb.query(pool, user, "select summary from activity").get(0).getString(0)).contains("kept");
    }

    @Test
    void retentionDeletesWholeDaysPastRetentionAndNothingNewer() throws Exception {
        UUID user = UUID.randomUUID();
        Instant now = Instant.parse("2026-06-15T10:00:00Z");
        // 400 days before now is 2025-05-11T10:00Z: that whole day is kept, the day before goes.
        kafka.send(TOPIC, user.toString(), event(user, "auth.login", "gone", Instant.parse("2025-05-10T23:59:59Z")));
        kafka.send(TOPIC, user.toString(), event(user, "auth.login", "kept-day", Instant.parse("2025-05-11T00:00:01Z")));
        kafka.send(TOPIC, user.toString(), event(user, "auth.login", "recent", Instant.parse("2026-06-14T00:00:00Z")));
        awaitEntries(user, 3);

        long deleted = prune(now);

        assertThat(deleted).isGreaterThanOrEqualTo(1);
        assertThat(UserDb.query(pool, user, "select resource from activity order by occurred_at").stream()
                .map(row -> row.getString(0)).toList()).containsExactly("kept-day", "recent");
    }

    private long prune(Instant now) throws Exception {
        CompletableFuture<Long> deleted = new CompletableFuture<>();
        Context context = VertxContext.getOrCreateDuplicatedContext(vertx);
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> retention.prune(now).subscribe().with(deleted::complete, deleted::completeExceptionally));
        return deleted.get(30, TimeUnit.SECONDS);
    }

    private List<Map<String, Object>> awaitEntries(UUID user, int count) {
        String token = TestTokens.trader(user);
        List<List<Map<String, Object>>> last = new ArrayList<>(List.of(List.of()));
        await().atMost(EVENT_TIMEOUT).untilAsserted(() -> {
            last.set(0, given().auth().oauth2(token).queryParam("limit", 200).get(MY_ACTIVITY)
                    .then().statusCode(200).extract().path("items"));
            assertThat(last.get(0)).hasSize(count);
        });
        return last.get(0);
    }

    private static AuditEvent event(UUID user, String action, String resource, Instant at) {
        return new AuditEvent(1, user, user, action, AuditEvent.ALLOWED, null, resource, "127.0.0.1", Map.of(), at);
    }
}
