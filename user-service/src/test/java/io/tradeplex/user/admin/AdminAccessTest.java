package io.tradeplex.user.admin;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tradeplex.contracts.EventSchemas;
import io.tradeplex.contracts.EventJson;
import io.tradeplex.contracts.Topics;
import io.tradeplex.contracts.audit.AuditEvent;
import io.tradeplex.contracts.users.UserState;
import io.tradeplex.testing.KafkaProbe;
import io.tradeplex.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class AdminAccessTest {
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
    void aTraderIsForbiddenFromEveryAdminRouteAndEachDenialIsAuditedInTheirOwnLog() {
        UUID trader = UUID.randomUUID();
        String token = TestTokens.trader(trader);
        UUID someone = UUID.randomUUID();

        given().auth().oauth2(token).get("/api/v1/admin/users").then().statusCode(403)
                .contentType("application/problem+json").body("code", equalTo("PERMISSION_MISSING"));
        given().auth().oauth2(token).get("/api/v1/admin/users/" + someone).then().statusCode(403);
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{}")
                .put("/api/v1/admin/users/" + trader + "/permissions/system:administer").then().statusCode(403);
        given().auth().oauth2(token).delete("/api/v1/admin/users/" + someone + "/permissions/trading:trade")
                .then().statusCode(403);

        List<KafkaProbe.Received> denials = kafka.await("test." + Topics.AUDIT, trader.toString(),
                record -> AuditEvent.TYPE.equals(record.type()), 4, EVENT_TIMEOUT);
        assertThat(denials).hasSize(4);
        for (KafkaProbe.Received denial : denials) {
            assertThat(EventSchemas.violations(AuditEvent.TYPE, denial.value())).isEmpty();
            AuditEvent event = EventJson.read(denial.value(), AuditEvent.class);
            assertThat(event.outcome()).isEqualTo(AuditEvent.DENIED);
            assertThat(event.reason()).isEqualTo("PERMISSION_MISSING");
            assertThat(event.actorId()).isEqualTo(trader);
            assertThat(event.details()).containsEntry("permission", "system:manage-users");
        }
        // The trader did not grant themselves anything.
        given().auth().oauth2(token).get("/api/v1/me/permissions").then().statusCode(200)
                .body("permissions", not(hasItem("system:administer")));
    }

    @Test
    void anAdminGrantsAndRevokesOnePermissionForOneUserAndTheChangeIsPublishedAndAudited() {
        UUID admin = UUID.randomUUID();
        String adminToken = TestTokens.forUser(admin, Set.of("admin", "trader"));
        UUID trader = UUID.randomUUID();
        String traderToken = TestTokens.trader(trader);
        given().auth().oauth2(traderToken).get("/api/v1/me").then().statusCode(200);
        given().auth().oauth2(traderToken).get("/api/v1/me/permissions").then()
                .body("roles", equalTo(List.of("trader")))
                .body("permissions", hasItem("trading:trade"))
                .body("permissions", not(hasItem("data:view-all")));

        given().auth().oauth2(adminToken).contentType(ContentType.JSON).body(Map.of("reason", "needs the firm view"))
                .put("/api/v1/admin/users/" + trader + "/permissions/data:view-all")
                .then().statusCode(200).body("permissions", hasItem("data:view-all"));
        given().auth().oauth2(adminToken).delete("/api/v1/admin/users/" + trader + "/permissions/trading:trade")
                .then().statusCode(200).body("permissions", not(hasItem("trading:trade")));

        given().auth().oauth2(traderToken).get("/api/v1/me/permissions").then()
                .body("permissions", hasItem("data:view-all"))
                .body("permissions", not(hasItem("trading:trade")));

        List<KafkaProbe.Received> states = kafka.await("test." + Topics.USERS, trader.toString(),
                record -> UserState.TYPE.equals(record.type())
                        && !EventJson.read(record.value(), UserState.class).permissions().contains("trading:trade"),
                1, EVENT_TIMEOUT);
        assertThat(states).hasSize(1);
        assertThat(EventSchemas.violations(UserState.TYPE, states.get(0).value())).isEmpty();
        assertThat(EventJson.read(states.get(0).value(), UserState.class).permissions()).contains("data:view-all");

        List<KafkaProbe.Received> audited = kafka.await("test." + Topics.AUDIT, trader.toString(),
                record -> AuditEvent.TYPE.equals(record.type()), 2, EVENT_TIMEOUT);
        assertThat(audited).extracting(record -> EventJson.read(record.value(), AuditEvent.class))
                .allSatisfy(event -> {
                    assertThat(event.outcome()).isEqualTo(AuditEvent.ALLOWED);
                    assertThat(event.actorId()).isEqualTo(admin);
                })
                .extracting(AuditEvent::action).containsExactlyInAnyOrder("admin.permission.grant", "admin.permission.revoke");
    }

    @Test
    void anAdminListsAndSearchesUsersAndGetsClearErrorsForUnknownOnes() {
        String adminToken = TestTokens.forUser(UUID.randomUUID(), Set.of("admin"));
        UUID trader = UUID.randomUUID();
        String traderToken = TestTokens.trader(trader);
        given().auth().oauth2(traderToken).get("/api/v1/me").then().statusCode(200);

        given().auth().oauth2(adminToken).queryParam("query", trader.toString()).get("/api/v1/admin/users")
                .then().statusCode(200).body("userId", hasItem(trader.toString()));
        given().auth().oauth2(adminToken).get("/api/v1/admin/users/" + trader).then().statusCode(200)
                .body("userId", equalTo(trader.toString())).body("roles", equalTo(List.of("trader")));
        given().auth().oauth2(adminToken).get("/api/v1/admin/users/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(adminToken).contentType(ContentType.JSON).body("{}")
                .put("/api/v1/admin/users/" + trader + "/permissions/launch:missiles").then().statusCode(400)
                .body("errors.field", hasItem("permission"));
        given().auth().oauth2(adminToken).queryParam("size", 0).get("/api/v1/admin/users").then().statusCode(400)
                .body("errors.field", hasItem("size"));
    }
}
