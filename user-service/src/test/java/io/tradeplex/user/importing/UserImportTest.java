package io.tradeplex.user.importing;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tradeplex.contracts.EventJson;
import io.tradeplex.contracts.Topics;
import io.tradeplex.contracts.auth.UserRegistered;
import io.tradeplex.kit.internal.ServiceSignature;
import io.tradeplex.testing.KafkaProbe;
import io.tradeplex.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * The import's own part: reading CSV and JSON, judging every row, and merging auth-service's answers into one report.
 * auth-service is played by a local server that checks the call is signed as user-service (the real one is exercised
 * end to end in the e2e suite).
 */
@QuarkusTest
class UserImportTest {
    private static final byte[] INTERNAL_SECRET = "test-internal-secret-do-not-use-in-production".getBytes(StandardCharsets.UTF_8);
    private static final List<JsonNode> CALLS = new CopyOnWriteArrayList<>();
    private static HttpServer fakeAuth;

    @BeforeAll
    static void startFakeAuthService() throws IOException {
        fakeAuth = HttpServer.create(new InetSocketAddress("127.0.0.1", 18181), 0);
        fakeAuth.createContext("/internal/v1/accounts/import", exchange -> {
            String caller = exchange.getRequestHeaders().getFirst(ServiceSignature.CALLER_HEADER);
            String timestamp = exchange.getRequestHeaders().getFirst(ServiceSignature.TIMESTAMP_HEADER);
            String signature = exchange.getRequestHeaders().getFirst(ServiceSignature.SIGNATURE_HEADER);
            boolean signed = "user-service".equals(caller) && timestamp != null && ServiceSignature.verify(INTERNAL_SECRET,
                    caller, Long.parseLong(timestamp), "POST", "/internal/v1/accounts/import", signature,
                    System.currentTimeMillis());
            if (!signed) {
                exchange.sendResponseHeaders(401, -1);
                exchange.close();
                return;
            }
            JsonNode request = EventJson.mapper().readTree(exchange.getRequestBody());
            CALLS.add(request);
            StringBuilder results = new StringBuilder("{\"results\":[");
            for (JsonNode row : request.get("rows")) {
                if (results.charAt(results.length() - 1) != '[') {
                    results.append(',');
                }
                if (row.get("email").asText().startsWith("taken")) {
                    results.append("{\"row\":").append(row.get("row").asInt())
                            .append(",\"status\":\"FAILED\",\"code\":\"EMAIL_TAKEN\",\"field\":\"email\",\"detail\":\"already registered\"}");
                } else {
                    results.append("{\"row\":").append(row.get("row").asInt()).append(",\"status\":\"CREATED\",\"userId\":\"")
                            .append(UUID.randomUUID()).append("\"}");
                }
            }
            byte[] body = results.append("]}").toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        fakeAuth.start();
    }

    @AfterAll
    static void stopFakeAuthService() {
        fakeAuth.stop(0);
    }

    @BeforeEach
    void forgetCalls() {
        CALLS.clear();
    }

    @Test
    void aCsvImportCreatesTheValidRowsAndReportsEveryFaultOfTheOthers() {
        String csv = """
                email,displayName,tier,maxPositionSizeUsd,maxOpenPositions,allowedSymbols,tradeOnly
                ana@example.test,Ana,pro,150,3,BTC-USD;SOL-USD,true
                not-an-email,Bad,basic,,,,
                bo@example.test,"Bo, the second",basic,80,,,
                cy@example.test,Cy,platinum,,,,maybe
                taken@example.test,Taken,,,,,
                ANA@example.test,Ana again,,,,,
                dee@example.test,Dee,,,,,
                """;
        importAndWait("text/csv", csv)
                .body("status", equalTo("DONE"))
                .body("total", equalTo(7)).body("created", equalTo(2)).body("failed", equalTo(5))
                .body("rows.status", contains("CREATED", "FAILED", "FAILED", "FAILED", "FAILED", "FAILED", "CREATED"))
                .body("rows[1].errors.field", contains("email"))
                .body("rows[2].errors.field", contains("maxPositionSizeUsd"))
                .body("rows[3].errors.field", contains("tier", "tradeOnly"))
                .body("rows[4].code", equalTo("EMAIL_TAKEN"))
                .body("rows[5].errors[0].message", equalTo("appears in an earlier row of this file"))
                .body("rows[6].email", equalTo("dee@example.test"));

        assertThat(CALLS).hasSize(1);
        JsonNode sent = CALLS.get(0).get("rows");
        assertThat(sent).hasSize(3);
        JsonNode ana = sent.get(0);
        assertThat(ana.get("email").asText()).isEqualTo("ana@example.test");
        assertThat(ana.get("roles").get(0).asText()).isEqualTo("trader");
        assertThat(ana.get("onboarding").get("tier").asText()).isEqualTo("pro");
        assertThat(ana.get("onboarding").get("maxPositionSizeUsd").asText()).isEqualTo("150");
        assertThat(ana.get("onboarding").get("allowedSymbols").toString()).isEqualTo("[\"BTC-USD\",\"SOL-USD\"]");
        assertThat(ana.get("onboarding").get("tradeOnly").asBoolean()).isTrue();
        assertThat(sent.get(2).get("displayName").asText()).isEqualTo("Dee");
    }

    @Test
    void aJsonImportNamesUnknownColumnsAndBadRoles() {
        importAndWait(ContentType.JSON.toString(), """
                [{"email":"eve@example.test","roles":["analyst"]},
                 {"email":"fay@example.test","roles":["root"],"tierr":"pro"}]""")
                .body("created", equalTo(1))
                .body("rows[1].errors.field", contains("tierr", "roles"));
        assertThat(CALLS.get(0).get("rows").get(0).get("roles").get(0).asText()).isEqualTo("analyst");
    }

    @Test
    void onlyAnAdministratorImportsAndAnUnreadableFileIsRefusedWhole() {
        given().auth().oauth2(TestTokens.trader(UUID.randomUUID())).contentType("text/csv").body("email\na@example.test\n")
                .post("/api/v1/admin/users/import").then().statusCode(403);
        given().auth().oauth2(adminToken()).contentType("text/csv").body("name,tier\nA,pro\n")
                .post("/api/v1/admin/users/import").then().statusCode(400).body("errors.field", hasItem("header"));
        given().auth().oauth2(adminToken()).contentType(ContentType.JSON).body("{\"users\": 3}")
                .post("/api/v1/admin/users/import").then().statusCode(400).body("errors.field", hasItem("users"));
        assertThat(CALLS).isEmpty();
    }

    @Test
    void anImportedUsersProfileIsCreatedWithTheAdministratorsTierAndLimitsFromTheRegistrationEvent() {
        UUID user = UUID.randomUUID();
        try (KafkaProbe kafka = new KafkaProbe()) {
            kafka.send("test." + Topics.AUTH, user.toString(), new UserRegistered(UserRegistered.SCHEMA_VERSION, user,
                    user + "@example.test", "Imported", List.of("trader"), Instant.now(),
                    new UserRegistered.Onboarding(UUID.randomUUID(), "pro", new BigDecimal("120"), null, 4,
                            List.of("SOL-USD"), false)));
        }
        String token = TestTokens.trader(user);
        // Generous: on a shared test topic the consumer may first work through other suites' registrations.
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                given().auth().oauth2(token).get("/api/v1/me/limits").then().statusCode(200)
                        .body("tier", equalTo("pro")).body("maxPositionSizeUsd", equalTo("120"))
                        .body("maxDailyLossUsd", equalTo("100")).body("maxOpenPositions", equalTo(4))
                        .body("allowedSymbols", contains("SOL-USD")));
    }

    @Test
    void anUnreachableAuthServiceFailsTheJobWithAClearReasonAndAnotherAdminCannotReadAJobWithoutThePermission() {
        fakeAuth.stop(0);
        try {
            importAndWait("text/csv", "email\nzed@example.test\n").body("status", equalTo("FAILED"))
                    .body("error", org.hamcrest.Matchers.containsString("Retrying the same file is safe"));
        } finally {
            try {
                startFakeAuthService();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        given().auth().oauth2(TestTokens.trader(UUID.randomUUID())).get("/api/v1/admin/users/import/" + UUID.randomUUID())
                .then().statusCode(403);
        given().auth().oauth2(adminToken()).get("/api/v1/admin/users/import/" + UUID.randomUUID()).then().statusCode(404);
    }

    /** Starts an import (202 with its id and location) and reads the job until it is no longer running. */
    private static io.restassured.response.ValidatableResponse importAndWait(String contentType, String body) {
        String admin = adminToken();
        String location = given().auth().oauth2(admin).contentType(contentType).body(body)
                .post("/api/v1/admin/users/import").then().statusCode(202)
                .body("status", equalTo("RUNNING")).extract().header("Location");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                !"RUNNING".equals(given().auth().oauth2(admin).get(location).then().statusCode(200).extract().path("status")));
        return given().auth().oauth2(admin).get(location).then().statusCode(200);
    }

    private static String adminToken() {
        return TestTokens.forUser(UUID.randomUUID(), Set.of("admin", "trader"));
    }
}
