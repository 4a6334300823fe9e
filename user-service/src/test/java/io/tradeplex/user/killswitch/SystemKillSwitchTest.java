package io.tradeplex.user.killswitch;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.tradeplex.contracts.EventJson;
import io.tradeplex.contracts.EventSchemas;
import io.tradeplex.contracts.Topics;
import io.tradeplex.contracts.audit.AuditEvent;
import io.tradeplex.contracts.users.UserState;
import io.tradeplex.kit.internal.ServiceSignature;
import io.tradeplex.testing.KafkaProbe;
import io.tradeplex.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** order-service halts a user after repeated broker errors: a system switch that only an administrator lifts. */
@QuarkusTest
class SystemKillSwitchTest {
    private static final byte[] INTERNAL_SECRET = "test-internal-secret-do-not-use-in-production".getBytes(StandardCharsets.UTF_8);
    private static final Duration EVENT_TIMEOUT = Duration.ofSeconds(30);
    private static final String REASON = "{\"reason\":\"Trading auto-disabled after 5 consecutive broker errors\"}";
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
    void orderServiceSetsASystemSwitchTheTraderCannotResetButAnAdminCan() {
        UUID trader = UUID.randomUUID();
        String token = TestTokens.trader(trader);
        given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200);

        signed("order-service", path(trader)).contentType(ContentType.JSON).body(REASON).post(path(trader))
                .then().statusCode(200).body("active", equalTo(true)).body("triggeredBy", equalTo("system"))
                .body("resettableByUser", equalTo(false));
        UserState halted = state(trader, s -> s.killSwitch() != null);
        assertThat(halted.killSwitch().triggeredBy()).isEqualTo("system");
        assertThat(halted.killSwitch().reason()).contains("5 consecutive broker errors");
        AuditEvent audited = EventJson.read(kafka.await("test." + Topics.AUDIT, trader.toString(),
                record -> record.value().contains("\"kill-switch.trigger\""), 1, EVENT_TIMEOUT).get(0).value(), AuditEvent.class);
        assertThat(audited.details()).containsEntry("triggeredBy", "system").containsEntry("requestedBy", "order-service");

        given().auth().oauth2(token).delete("/api/v1/me/kill-switch").then().statusCode(403)
                .contentType("application/problem+json").body("code", equalTo(KillSwitchService.KILL_SWITCH_LOCKED));
        given().auth().oauth2(token).get("/api/v1/me/kill-switch").then().body("active", equalTo(true));

        UUID admin = UUID.randomUUID();
        given().auth().oauth2(TestTokens.forUser(admin, Set.of("admin", "trader"))).contentType(ContentType.JSON)
                .body("{\"reason\":\"broker recovered\"}").delete("/api/v1/admin/users/" + trader + "/kill-switch")
                .then().statusCode(200).body("limits.canTrade", equalTo(true));
        assertThat(state(trader, s -> s.killSwitch() == null)).isNotNull();
    }

    @Test
    void onlySignedCallsFromAllowedServicesMaySetIt() {
        UUID trader = UUID.randomUUID();
        given().auth().oauth2(TestTokens.trader(trader)).get("/api/v1/me").then().statusCode(200);

        given().contentType(ContentType.JSON).body(REASON).post(path(trader)).then().statusCode(401)
                .body("code", equalTo("SERVICE_SIGNATURE_INVALID"));
        given().auth().oauth2(TestTokens.trader(trader)).contentType(ContentType.JSON).body(REASON).post(path(trader))
                .then().statusCode(401);
        signed("strategy-service", path(trader)).contentType(ContentType.JSON).body(REASON).post(path(trader))
                .then().statusCode(403).body("code", equalTo(InternalKillSwitchResource.CALLER_NOT_ALLOWED));
        signed("order-service", path(trader)).contentType(ContentType.JSON).body("{\"reason\":\"\"}").post(path(trader))
                .then().statusCode(400).contentType("application/problem+json");

        given().auth().oauth2(TestTokens.trader(trader)).get("/api/v1/me/kill-switch").then().body("active", equalTo(false));
    }

    @Test
    void anUnknownUserIsNotFound() {
        UUID nobody = UUID.randomUUID();
        signed("order-service", path(nobody)).contentType(ContentType.JSON).body(REASON).post(path(nobody))
                .then().statusCode(404);
    }

    private static String path(UUID user) {
        return "/internal/v1/users/" + user + "/kill-switch";
    }

    private static RequestSpecification signed(String caller, String path) {
        long now = System.currentTimeMillis();
        return given().header(ServiceSignature.CALLER_HEADER, caller)
                .header(ServiceSignature.TIMESTAMP_HEADER, Long.toString(now))
                .header(ServiceSignature.SIGNATURE_HEADER, ServiceSignature.sign(INTERNAL_SECRET, caller, now, "POST", path));
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
