package io.tradeplex.user.killswitch;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tradeplex.contracts.EventJson;
import io.tradeplex.contracts.EventSchemas;
import io.tradeplex.contracts.Topics;
import io.tradeplex.contracts.audit.AuditEvent;
import io.tradeplex.contracts.controls.GlobalKillSwitch;
import io.tradeplex.contracts.users.UserState;
import io.tradeplex.testing.KafkaProbe;
import io.tradeplex.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class KillSwitchTest {
    private static final Duration EVENT_TIMEOUT = Duration.ofSeconds(30);
    private static KafkaProbe kafka;

    @BeforeAll
    static void openKafka() {
        kafka = new KafkaProbe();
    }

    @AfterAll
    static void closeKafka() {
        kafka.close();
    }

    @Test
    void aTraderHaltsAndResumesTheirOwnTradingAndBothArePublishedAndAudited() {
        UUID trader = UUID.randomUUID();
        String token = TestTokens.trader(trader);

        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"reason\":\"stepping away\"}")
                .post("/api/v1/me/kill-switch").then().statusCode(200)
                .body("active", equalTo(true)).body("triggeredBy", equalTo("user")).body("resettableByUser", equalTo(true));
        given().auth().oauth2(token).get("/api/v1/me/limits").then()
                .body("canTrade", equalTo(false)).body("blockedBy", contains("KILL_SWITCH"))
                .body("killSwitch.reason", equalTo("stepping away"));
        UserState halted = state(trader, s -> s.killSwitch() != null);
        assertThat(halted.killSwitch().reason()).isEqualTo("stepping away");
        assertThat(halted.killSwitch().triggeredBy()).isEqualTo("user");

        given().auth().oauth2(token).delete("/api/v1/me/kill-switch").then().statusCode(200).body("active", equalTo(false));
        given().auth().oauth2(token).get("/api/v1/me/limits").then().body("canTrade", equalTo(true));

        List<String> actions = kafka.await("test." + Topics.AUDIT, trader.toString(),
                        record -> record.value().contains("kill-switch."), 2, EVENT_TIMEOUT).stream()
                .map(record -> EventJson.read(record.value(), AuditEvent.class).action()).toList();
        assertThat(actions).containsExactly("kill-switch.trigger", "kill-switch.reset");
    }

    @Test
    void aSwitchAnAdminSetIsResetOnlyByAnAdminAndTheUsersAttemptIsAuditedAsDenied() {
        UUID admin = UUID.randomUUID();
        UUID trader = UUID.randomUUID();
        String token = TestTokens.trader(trader);
        given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200);

        given().auth().oauth2(adminToken(admin)).contentType(ContentType.JSON).body("{\"reason\":\"suspicious activity\"}")
                .post("/api/v1/admin/users/" + trader + "/kill-switch").then().statusCode(200)
                .body("limits.killSwitch.triggeredBy", equalTo("admin")).body("limits.canTrade", equalTo(false));

        given().auth().oauth2(token).delete("/api/v1/me/kill-switch").then().statusCode(403)
                .contentType("application/problem+json").body("code", equalTo("KILL_SWITCH_LOCKED"));
        given().auth().oauth2(token).get("/api/v1/me/kill-switch").then()
                .body("active", equalTo(true)).body("resettableByUser", equalTo(false));
        assertThat(kafka.await("test." + Topics.AUDIT, trader.toString(),
                record -> record.value().contains("KILL_SWITCH_LOCKED"), 1, EVENT_TIMEOUT)).hasSize(1);

        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"reason\":\"x\"}")
                .post("/api/v1/admin/users/" + trader + "/kill-switch").then().statusCode(403);

        given().auth().oauth2(adminToken(admin)).contentType(ContentType.JSON).body("{\"reason\":\"cleared\"}")
                .delete("/api/v1/admin/users/" + trader + "/kill-switch").then().statusCode(200)
                .body("limits.canTrade", equalTo(true));
        assertThat(state(trader, s -> s.killSwitch() == null && s.updatedAt() != null)).isNotNull();
        AuditEvent reset = EventJson.read(kafka.await("test." + Topics.AUDIT, trader.toString(),
                record -> record.value().contains("\"kill-switch.reset\"") && record.value().contains("cleared"), 1, EVENT_TIMEOUT).get(0).value(), AuditEvent.class);
        assertThat(reset.actorId()).isEqualTo(admin);
        assertThat(reset.details()).containsEntry("reason", "cleared").containsEntry("previouslyTriggeredBy", "admin");
    }

    @Test
    void theGlobalKillSwitchIsAdminOnlyPublishedOnControlsAndShownToEveryUser() {
        UUID admin = UUID.randomUUID();
        UUID trader = UUID.randomUUID();
        String token = TestTokens.trader(trader);

        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"reason\":\"mine\"}")
                .post("/api/v1/admin/kill-switch").then().statusCode(403);
        given().auth().oauth2(adminToken(admin)).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/admin/kill-switch").then().statusCode(400).body("errors.field", hasItem("reason"));

        try {
            given().auth().oauth2(adminToken(admin)).contentType(ContentType.JSON).body("{\"reason\":\"exchange outage\"}")
                    .post("/api/v1/admin/kill-switch").then().statusCode(200).body("active", equalTo(true));
            given().auth().oauth2(token).get("/api/v1/me/limits").then()
                    .body("canTrade", equalTo(false)).body("blockedBy", hasItem("GLOBAL_KILL_SWITCH"))
                    .body("globalKillSwitch", equalTo(true));
            given().auth().oauth2(token).get("/api/v1/admin/kill-switch").then().statusCode(200)
                    .body("active", equalTo(true)).body("reason", equalTo("exchange outage"));

            List<KafkaProbe.Received> on = kafka.await("test." + Topics.CONTROLS, GlobalKillSwitch.KEY,
                    record -> record.value().contains(admin.toString()) && record.value().contains("\"active\":true"), 1, EVENT_TIMEOUT);
            assertThat(on).hasSize(1);
            assertThat(EventSchemas.violations(GlobalKillSwitch.TYPE, on.get(0).value())).isEmpty();
        } finally {
            given().auth().oauth2(adminToken(admin)).delete("/api/v1/admin/kill-switch").then().statusCode(200)
                    .body("active", equalTo(false));
        }
        given().auth().oauth2(token).get("/api/v1/me/limits").then().body("blockedBy", not(hasItem("GLOBAL_KILL_SWITCH")));
        assertThat(kafka.await("test." + Topics.CONTROLS, GlobalKillSwitch.KEY,
                record -> record.value().contains(admin.toString()) && record.value().contains("\"active\":false"), 1,
                EVENT_TIMEOUT)).hasSize(1);
        assertThat(kafka.await("test." + Topics.AUDIT, admin.toString(),
                record -> record.value().contains("kill-switch.global."), 2, EVENT_TIMEOUT)).hasSize(2);
    }

    @Test
    void aReasonIsRequiredAndValidated() {
        String token = TestTokens.trader(UUID.randomUUID());
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"reason\":\"\"}")
                .post("/api/v1/me/kill-switch").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("reason"));
    }

    private static String adminToken(UUID admin) {
        return TestTokens.forUser(admin, Set.of("admin", "trader"));
    }

    private static UserState state(UUID userId, java.util.function.Predicate<UserState> until) {
        List<KafkaProbe.Received> states = kafka.await("test." + Topics.USERS, userId.toString(),
                record -> UserState.TYPE.equals(record.type()) && until.test(EventJson.read(record.value(), UserState.class)),
                1, EVENT_TIMEOUT);
        assertThat(states).isNotEmpty();
        assertThat(EventSchemas.violations(UserState.TYPE, states.get(0).value())).isEmpty();
        return EventJson.read(states.get(0).value(), UserState.class);
    }
}
