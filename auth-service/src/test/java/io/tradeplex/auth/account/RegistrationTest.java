package io.tradeplex.auth.account;

import io.tradeplex.auth.Db;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tradeplex.auth.AuthApi;
import io.tradeplex.contracts.EventJson;
import io.tradeplex.contracts.EventSchemas;
import io.tradeplex.contracts.Topics;
import io.tradeplex.contracts.auth.UserRegistered;
import io.tradeplex.testing.KafkaProbe;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class RegistrationTest {
    @Inject
    Pool pool;

    @Test
    void registersWithAnArgon2idHashOfTheRequiredCost() {
        String email = AuthApi.uniqueEmail();
        String userId = AuthApi.register(email, AuthApi.PASSWORD)
                .then().statusCode(201).contentType(ContentType.JSON)
                .body("userId", notNullValue())
                .extract().path("userId");

        Row row = accountRow(email);
        assertThat(row.getUUID("id")).isEqualTo(UUID.fromString(userId));
        String hash = row.getString("password_hash");
        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain(AuthApi.PASSWORD);
        // PHC string: salt and hash are unpadded base64 of 16 and 32 bytes.
        String[] parts = hash.split("\\$");
        assertThat(parts[4]).hasSize(22);
        assertThat(parts[5]).hasSize(43);
        assertThat(row.getArrayOfStrings("roles")).containsExactly("trader");
        assertThat(row.getString("display_name")).isEqualTo(email.substring(0, email.indexOf('@')));
    }

    @Test
    void emailIsTrimmedAndLowerCasedSoTheSameMailboxCannotRegisterTwice() {
        String email = AuthApi.uniqueEmail();
        AuthApi.register("  " + email.toUpperCase() + " ", AuthApi.PASSWORD).then().statusCode(201);
        assertThat(accountRow(email)).isNotNull();

        AuthApi.register(email, AuthApi.PASSWORD)
                .then().statusCode(409).contentType("application/problem+json")
                .body("status", equalTo(409))
                .body("code", equalTo("EMAIL_TAKEN"));
        AuthApi.login(email.toUpperCase(), AuthApi.PASSWORD).then().statusCode(200);
    }

    @Test
    void twoSimultaneousSignUpsWithOneEmailMakeOneAccount() {
        String email = AuthApi.uniqueEmail();
        List<Integer> statuses = Stream.of(1, 2)
                .map(i -> CompletableFuture.supplyAsync(() -> AuthApi.register(email, AuthApi.PASSWORD).statusCode()))
                .toList().stream().map(CompletableFuture::join).toList();

        assertThat(statuses).containsExactlyInAnyOrder(201, 409);
        assertThat(count("select count(*) from accounts where email = $1", email)).isEqualTo(1);
    }

    @Test
    void passwordsOutsideTwelveTo128CharactersAreRefusedNamingTheField() {
        for (String password : List.of("short-11chr", "x".repeat(129))) {
            String email = AuthApi.uniqueEmail();
            AuthApi.register(email, password)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("code", equalTo("VALIDATION"))
                    .body("errors.field", hasItem("password"));
            assertThat(count("select count(*) from accounts where email = $1", email)).isZero();
        }
        AuthApi.register(AuthApi.uniqueEmail(), "x".repeat(128)).then().statusCode(201);
    }

    @Test
    void anInvalidEmailIsRefusedNamingTheField() {
        AuthApi.register("not-an-email", AuthApi.PASSWORD)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("email"));
    }

    @Test
    void malformedJsonIsAProblem() {
        given().contentType(ContentType.JSON).body("{\"email\": \"a@b.test\", \"password\": ")
                .post("/api/v1/auth/register")
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("code", equalTo("MALFORMED_JSON"));
    }

    @Test
    void aClientCannotChooseItsRoles() {
        String email = AuthApi.uniqueEmail();
        given().contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", AuthApi.PASSWORD, "roles", List.of("admin"), "userId", UUID.randomUUID()))
                .post("/api/v1/auth/register")
                .then().statusCode(201);
        assertThat(accountRow(email).getArrayOfStrings("roles")).containsExactly("trader");
    }

    @Test
    void registrationPublishesUserRegisteredWithoutAnySecret() {
        String email = AuthApi.uniqueEmail();
        String userId = given().contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", AuthApi.PASSWORD, "displayName", "Ana Trader"))
                .post("/api/v1/auth/register")
                .then().statusCode(201).extract().path("userId");

        List<KafkaProbe.Received> events;
        try (KafkaProbe probe = new KafkaProbe()) {
            events = probe.await("test." + Topics.AUTH, userId, e -> UserRegistered.TYPE.equals(e.type()), 1, Duration.ofSeconds(60));
        }
        assertThat(events).hasSize(1);
        KafkaProbe.Received event = events.get(0);
        assertThat(event.subject()).isEqualTo(userId);
        assertThat(event.source()).isEqualTo("auth-service");
        assertThat(EventSchemas.violations(UserRegistered.TYPE, event.value())).isEmpty();
        assertThat(event.value()).doesNotContain(AuthApi.PASSWORD).doesNotContain("argon2").doesNotContainIgnoringCase("password");

        UserRegistered payload = EventJson.read(event.value(), UserRegistered.class);
        assertThat(payload.userId()).isEqualTo(UUID.fromString(userId));
        assertThat(payload.email()).isEqualTo(email);
        assertThat(payload.displayName()).isEqualTo("Ana Trader");
        assertThat(payload.roles()).containsExactly("trader");
        JsonNode json = EventJson.mapper().valueToTree(payload);
        assertThat(json.get("schemaVersion").asInt()).isEqualTo(1);
    }

    private Row accountRow(String email) {
        return Db.first(Db.lookup(pool, "select id, password_hash, roles, display_name from accounts where email = $1",
                Tuple.of(email)));
    }

    private long count(String sql, String parameter) {
        return Db.lookup(pool, sql, Tuple.of(parameter)).iterator().next().getLong(0);
    }
}
