package io.tradeplex.user.killswitch;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tradeplex.contracts.EventJson;
import io.tradeplex.contracts.EventSchemas;
import io.tradeplex.contracts.Topics;
import io.tradeplex.contracts.audit.AuditEvent;
import io.tradeplex.contracts.portfolio.DailyLossLimitBreached;
import io.tradeplex.contracts.portfolio.DailyPnl;
import io.tradeplex.contracts.users.UserState;
import io.tradeplex.testing.KafkaProbe;
import io.tradeplex.testing.TestTokens;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/** portfolio-service reports a user's daily loss at the limit: user-service halts them with a system kill switch. */
@QuarkusTest
class DailyLossProtectionTest {
    private static final String TOPIC = "test." + Topics.PORTFOLIO;
    private static final Duration EVENT_TIMEOUT = Duration.ofSeconds(30);
    /** How long a test waits for an audit record that must not come. */
    private static final Duration QUIET = Duration.ofSeconds(5);
    private static KafkaProbe kafka;

    @Inject
    Pool pool;

    @BeforeAll
    static void openKafka() {
        kafka = new KafkaProbe();
    }

    @AfterAll
    static void closeKafka() {
        kafka.close();
    }

    @Test
    void aBreachHaltsTheTraderOnceWithASwitchOnlyAnAdministratorLifts() {
        UUID trader = UUID.randomUUID();
        String token = TestTokens.trader(trader);
        given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200);
        LocalDate day = LocalDate.now(ZoneOffset.UTC);
        String breachId = UUID.randomUUID().toString();

        kafka.sendWithId(TOPIC, trader.toString(), breachId, breach(trader, day, "-26.40", "25"));

        String reason = "Daily loss limit reached: -26.4 USD on " + day + " (limit 25 USD)";
        await().atMost(EVENT_TIMEOUT).untilAsserted(() -> given().auth().oauth2(token).get("/api/v1/me/kill-switch")
                .then().body("active", equalTo(true)).body("triggeredBy", equalTo("system"))
                .body("reason", equalTo(reason)).body("resettableByUser", equalTo(false)));
        given().auth().oauth2(token).get("/api/v1/me/limits").then()
                .body("canTrade", equalTo(false)).body("blockedBy", contains("KILL_SWITCH"));
        UserState halted = state(trader, s -> s.killSwitch() != null);
        assertThat(halted.killSwitch().triggeredBy()).isEqualTo(KillSwitchService.BY_SYSTEM);
        assertThat(halted.killSwitch().reason()).isEqualTo(reason);

        given().auth().oauth2(token).delete("/api/v1/me/kill-switch").then().statusCode(403)
                .contentType("application/problem+json").body("code", equalTo(KillSwitchService.KILL_SWITCH_LOCKED));
        given().auth().oauth2(token).get("/api/v1/me/kill-switch").then().body("active", equalTo(true));
        UUID admin = UUID.randomUUID();
        given().auth().oauth2(TestTokens.forUser(admin, Set.of("admin", "trader"))).contentType(ContentType.JSON)
                .body("{\"reason\":\"loss reviewed\"}").delete("/api/v1/admin/users/" + trader + "/kill-switch")
                .then().statusCode(200).body("limits.canTrade", equalTo(true));
        assertThat(state(trader, s -> s.killSwitch() == null)).isNotNull();

        // The same event again, after the reset, must not halt the trader again. The next day's breach comes after it
        // on the same partition, so once that one has halted them, the redelivery has been consumed.
        kafka.sendWithId(TOPIC, trader.toString(), breachId, breach(trader, day, "-26.40", "25"));
        String nextDayId = UUID.randomUUID().toString();
        kafka.sendWithId(TOPIC, trader.toString(), nextDayId, breach(trader, day.plusDays(1), "-31", "25"));
        await().atMost(EVENT_TIMEOUT).untilAsserted(() -> given().auth().oauth2(token).get("/api/v1/me/kill-switch")
                .then().body("active", equalTo(true)).body("reason", equalTo(
                        "Daily loss limit reached: -31 USD on " + day.plusDays(1) + " (limit 25 USD)")));

        List<AuditEvent> triggers = triggerAudits(trader, 3);
        assertThat(triggers).extracting(audit -> audit.details().get("eventId")).containsExactly(breachId, nextDayId);
        assertThat(triggers.get(0).details()).containsEntry("triggeredBy", "system")
                .containsEntry("requestedBy", "portfolio-service").containsEntry("tradingDay", day.toString())
                .containsEntry("netPnl", "-26.4").containsEntry("maxDailyLossUsd", "25");
        assertThat(inboxRows(breachId)).isEqualTo(1);
    }

    @Test
    void aSwitchAlreadyOnKeepsItsCauseAndIsNotAuditedAgain() {
        UUID trader = UUID.randomUUID();
        String token = TestTokens.trader(trader);
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"reason\":\"stepping away\"}")
                .post("/api/v1/me/kill-switch").then().statusCode(200);

        String breachId = kafka.send(TOPIC, trader.toString(), breach(trader, LocalDate.now(ZoneOffset.UTC), "-30", "25"));
        // The inbox entry commits with the effect, so once it is there the event has been applied.
        await().atMost(EVENT_TIMEOUT).until(() -> inboxRows(breachId) == 1);

        given().auth().oauth2(token).get("/api/v1/me/kill-switch").then().body("active", equalTo(true))
                .body("triggeredBy", equalTo("user")).body("reason", equalTo("stepping away"))
                .body("resettableByUser", equalTo(true));
        assertThat(triggerAudits(trader, 2)).extracting(audit -> audit.details().get("triggeredBy")).containsExactly("user");
    }

    @Test
    void theTopicsOtherEventsAreSkipped() {
        UUID trader = UUID.randomUUID();
        String token = TestTokens.trader(trader);
        given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200);
        LocalDate day = LocalDate.now(ZoneOffset.UTC);

        // A day's P&L beyond the limit is portfolio-service's to judge: only its breach halts.
        String pnlId = kafka.send(TOPIC, trader.toString(), new DailyPnl(DailyPnl.SCHEMA_VERSION, trader, day, "UTC",
                new BigDecimal("-40"), new BigDecimal("1"), BigDecimal.ZERO, new BigDecimal("-41"), 2,
                new BigDecimal("25"), List.of(), Instant.now()));
        String breachId = kafka.send(TOPIC, trader.toString(), breach(trader, day, "-41", "25"));
        await().atMost(EVENT_TIMEOUT).until(() -> inboxRows(breachId) == 1);

        assertThat(inboxRows(pnlId)).isZero();
        given().auth().oauth2(token).get("/api/v1/me/kill-switch").then()
                .body("reason", equalTo("Daily loss limit reached: -41 USD on " + day + " (limit 25 USD)"));
        assertThat(triggerAudits(trader, 2)).hasSize(1);
    }

    private static DailyLossLimitBreached breach(UUID user, LocalDate day, String netPnl, String maxDailyLossUsd) {
        DailyLossLimitBreached breach = new DailyLossLimitBreached(DailyLossLimitBreached.SCHEMA_VERSION, user, day, "UTC",
                new BigDecimal(netPnl), new BigDecimal(maxDailyLossUsd), Instant.now());
        assertThat(EventSchemas.violations(DailyLossLimitBreached.TYPE, EventJson.write(breach))).isEmpty();
        return breach;
    }

    /** The user's kill-switch triggers in their audit log, waiting for one more than expected to show there is none. */
    private static List<AuditEvent> triggerAudits(UUID user, int moreThanExpected) {
        return kafka.await("test." + Topics.AUDIT, user.toString(),
                        record -> record.value().contains("\"kill-switch.trigger\""), moreThanExpected, QUIET).stream()
                .map(record -> EventJson.read(record.value(), AuditEvent.class))
                .toList();
    }

    private long inboxRows(String eventId) {
        return pool.preparedQuery("select count(*) from inbox where consumer = $1 and event_id = $2")
                .execute(Tuple.of(DailyLossProtection.CONSUMER, eventId))
                .await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
    }

    private static UserState state(UUID userId, Predicate<UserState> until) {
        List<KafkaProbe.Received> states = kafka.await("test." + Topics.USERS, userId.toString(),
                record -> UserState.TYPE.equals(record.type()) && until.test(EventJson.read(record.value(), UserState.class)),
                1, EVENT_TIMEOUT);
        assertThat(states).isNotEmpty();
        assertThat(EventSchemas.violations(UserState.TYPE, states.get(0).value())).isEmpty();
        return EventJson.read(states.get(0).value(), UserState.class);
    }
}
