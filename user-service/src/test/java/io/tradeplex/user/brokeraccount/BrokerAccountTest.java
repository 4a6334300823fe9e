package io.tradeplex.user.brokeraccount;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tradeplex.user.brokers.BrokerFakes;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.tradeplex.testing.TestTokens;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.containsString;

@QuarkusTest
@QuarkusTestResource(BrokerFakes.class)
class BrokerAccountTest {
    private static final String ACCOUNTS = "/api/v1/me/broker-accounts";

    @Inject
    Pool pool;

    @Test
    void aPaperAccountIsCreatedWithDefaultsAndTheFirstOneBecomesActive() {
        UUID user = UUID.randomUUID();
        String first = given().spec(as(user)).contentType(ContentType.JSON)
                .body(Map.of("broker", "paper", "label", "  Main paper  "))
                .post(ACCOUNTS)
                .then().statusCode(201).contentType(ContentType.JSON)
                .body("accountId", notNullValue())
                .extract().path("accountId");
        given().spec(as(user)).contentType(ContentType.JSON)
                .body(Map.of("broker", "paper", "label", "Aggressive", "capitalUsd", "2500.50", "riskTolerance", "high"))
                .post(ACCOUNTS)
                .then().statusCode(201)
                .header("Location", ACCOUNTS + "/" + created(user, "Aggressive"));

        given().spec(as(user)).get(ACCOUNTS + "/" + first)
                .then().statusCode(200)
                .body("accountId", equalTo(first))
                .body("broker", equalTo("paper"))
                .body("label", equalTo("Main paper"))
                .body("capitalUsd", equalTo("10000"))
                .body("riskTolerance", equalTo("medium"))
                .body("active", equalTo(true))
                .body("status", equalTo("READY"))
                .body("createdAt", notNullValue());
        given().spec(as(user)).get(ACCOUNTS)
                .then().statusCode(200)
                .body("$", hasSize(2))
                .body("label", contains("Main paper", "Aggressive"))
                .body("active", contains(true, false))
                .body("[1].capitalUsd", equalTo("2500.5"))
                .body("[1].riskTolerance", equalTo("high"));
        given().spec(as(user)).get("/api/v1/me").then().statusCode(200).body("activeAccountId", equalTo(first));
    }

    @Test
    void activatingSwitchesTheActiveAccount() {
        UUID user = UUID.randomUUID();
        String first = create(user, "One");
        String second = create(user, "Two");

        given().spec(as(user)).post(ACCOUNTS + "/" + second + "/activate")
                .then().statusCode(200)
                .body("accountId", equalTo(second))
                .body("active", equalTo(true));
        given().spec(as(user)).get(ACCOUNTS).then().body("active", contains(false, true));
        given().spec(as(user)).get("/api/v1/me").then().body("activeAccountId", equalTo(second));
        given().spec(as(user)).get(ACCOUNTS + "/" + first).then().body("active", equalTo(false));
    }

    @Test
    void deletingTheActiveAccountHandsTheMarkToTheOldestRemainingOne() {
        UUID user = UUID.randomUUID();
        String first = create(user, "One");
        String second = create(user, "Two");
        String third = create(user, "Three");
        given().spec(as(user)).post(ACCOUNTS + "/" + third + "/activate").then().statusCode(200);

        given().spec(as(user)).delete(ACCOUNTS + "/" + third).then().statusCode(204);
        given().spec(as(user)).get(ACCOUNTS + "/" + third).then().statusCode(404);
        given().spec(as(user)).get("/api/v1/me").then().body("activeAccountId", equalTo(first));

        given().spec(as(user)).delete(ACCOUNTS + "/" + second).then().statusCode(204);
        given().spec(as(user)).get("/api/v1/me").then().body("activeAccountId", equalTo(first));
        given().spec(as(user)).delete(ACCOUNTS + "/" + first).then().statusCode(204);
        given().spec(as(user)).get("/api/v1/me").then().body("activeAccountId", equalTo(null));
        given().spec(as(user)).get(ACCOUNTS).then().statusCode(200).body("$", hasSize(0));
        given().spec(as(user)).delete(ACCOUNTS + "/" + first).then().statusCode(404);
    }

    @Test
    void liveBrokersNeedBothCredentialsPaperTakesNoneAndNothingIsEchoed() {
        UUID user = UUID.randomUUID();
        for (String broker : List.of("binance", "kite")) {
            invalid(user, Map.of("broker", broker, "label", "Live"))
                    .body("errors.field", contains("credentials.apiKey", "credentials.apiSecret"));
            String body = invalid(user, Map.of("broker", broker, "label", "Live", "credentials", Map.of("apiKey", "canary-key-4711")))
                    .body("errors.field", contains("credentials.apiSecret"))
                    .extract().asString();
            assertThat(body).doesNotContain("canary");
            body = invalid(user, Map.of("broker", broker, "label", "Live", "credentials", Map.of("apiSecret", "canary-secret-4711")))
                    .body("errors.field", contains("credentials.apiKey"))
                    .extract().asString();
            assertThat(body).doesNotContain("canary");
            body = invalid(user, Map.of("broker", broker, "label", "Live",
                    "credentials", Map.of("apiKey", "canary key with spaces", "apiSecret", "")))
                    .body("errors.field", contains("credentials.apiKey", "credentials.apiSecret"))
                    .extract().asString();
            assertThat(body).doesNotContain("canary");
        }
        invalid(user, Map.of("broker", "paper", "label", "Paper", "credentials", Map.of("apiKey", "k", "apiSecret", "s")))
                .body("errors.field", contains("credentials"));
        invalid(user, Map.of("broker", "binance", "label", "Live", "credentials", "canary-as-a-string"))
                .body("errors.field", contains("credentials"));
        given().spec(as(user)).get(ACCOUNTS).then().body("$", hasSize(0));
    }

    @Test
    void anAccountsOwnLimitsAndSettingsAreValidatedStoredAndChangedByPatch() {
        UUID user = UUID.randomUUID();
        String accountId = given().spec(as(user)).contentType(ContentType.JSON)
                .body(Map.of("broker", "paper", "label", "Limited",
                        "limits", Map.of("maxPositionSizeUsd", "2500", "maxOpenPositions", 3)))
                .post(ACCOUNTS).then().statusCode(201).extract().path("accountId");
        given().spec(as(user)).get(ACCOUNTS + "/" + accountId).then().statusCode(200)
                .body("limits.maxPositionSizeUsd", equalTo("2500"))
                .body("limits.maxDailyLossUsd", equalTo(null))
                .body("limits.maxOpenPositions", equalTo(3))
                .body("credentials", equalTo(null));

        given().spec(as(user)).contentType(ContentType.JSON)
                .body(Map.of("label", " Renamed ", "capitalUsd", "5000", "riskTolerance", "low"))
                .patch(ACCOUNTS + "/" + accountId).then().statusCode(200)
                .body("label", equalTo("Renamed"))
                .body("capitalUsd", equalTo("5000"))
                .body("riskTolerance", equalTo("low"))
                .body("limits.maxPositionSizeUsd", equalTo("2500"));
        given().spec(as(user)).contentType(ContentType.JSON)
                .body(Map.of("limits", Map.of("maxDailyLossUsd", "150.50")))
                .patch(ACCOUNTS + "/" + accountId).then().statusCode(200)
                .body("limits.maxPositionSizeUsd", equalTo(null))
                .body("limits.maxDailyLossUsd", equalTo("150.5"))
                .body("limits.maxOpenPositions", equalTo(null))
                .body("label", equalTo("Renamed"));

        String before = given().spec(as(user)).get(ACCOUNTS + "/" + accountId).then().extract().asString();
        patchInvalid(user, accountId, Map.of("label", "  ")).body("errors.field", contains("label"));
        patchInvalid(user, accountId, Map.of("capitalUsd", "-1")).body("errors.field", contains("capitalUsd"));
        patchInvalid(user, accountId, Map.of("riskTolerance", "yolo")).body("errors.field", contains("riskTolerance"));
        patchInvalid(user, accountId, Map.of("limits", Map.of("maxPositionSizeUsd", "0")))
                .body("errors.field", contains("limits.maxPositionSizeUsd"));
        patchInvalid(user, accountId, Map.of("limits", Map.of("maxDailyLossUsd", "-5", "maxOpenPositions", 0)))
                .body("errors.field", contains("limits.maxDailyLossUsd", "limits.maxOpenPositions"));
        invalid(user, Map.of("broker", "paper", "label", "x", "limits", Map.of("maxOpenPositions", -1)))
                .body("errors.field", contains("limits.maxOpenPositions"));
        assertThat(given().spec(as(user)).get(ACCOUNTS + "/" + accountId).then().extract().asString()).isEqualTo(before);

        Map<String, Object> massAssignment = new HashMap<>(Map.of("broker", "kite", "status", "DISABLED",
                "userId", UUID.randomUUID().toString(), "brokerUserId", "ZZ9999"));
        given().spec(as(user)).contentType(ContentType.JSON).body(massAssignment)
                .patch(ACCOUNTS + "/" + accountId).then().statusCode(200)
                .body("broker", equalTo("paper")).body("status", equalTo("READY")).body("brokerUserId", equalTo(null));
    }

    @Test
    void invalidFieldsAreNamedAndNothingIsWritten() {
        UUID user = UUID.randomUUID();
        invalid(user, Map.of("broker", "etrade", "label", "x")).body("errors.field", contains("broker"));
        invalid(user, Map.of("label", "x")).body("errors.field", contains("broker"));
        invalid(user, Map.of("broker", "paper", "label", "   ")).body("errors.field", contains("label"));
        invalid(user, Map.of("broker", "paper", "label", "x".repeat(65))).body("errors.field", contains("label"));
        invalid(user, Map.of("broker", "paper", "label", "x", "capitalUsd", "0")).body("errors.field", contains("capitalUsd"));
        invalid(user, Map.of("broker", "paper", "label", "x", "capitalUsd", "-5")).body("errors.field", contains("capitalUsd"));
        invalid(user, Map.of("broker", "paper", "label", "x", "capitalUsd", "lots")).body("errors.field", contains("capitalUsd"));
        invalid(user, Map.of("broker", "paper", "label", "x", "riskTolerance", "yolo")).body("errors.field", contains("riskTolerance"));
        given().spec(as(user)).contentType(ContentType.JSON).body("{\"broker\": ")
                .post(ACCOUNTS).then().statusCode(400).contentType("application/problem+json").body("code", equalTo("MALFORMED_JSON"));
        given().spec(as(user)).get(ACCOUNTS).then().body("$", hasSize(0));
    }

    @Test
    void ownerTierAndStatusCannotBeSetThroughTheBody() {
        UUID user = UUID.randomUUID();
        UUID victim = UUID.randomUUID();
        Map<String, Object> body = new HashMap<>(Map.of("broker", "paper", "label", "Mine"));
        body.putAll(Map.of("userId", victim.toString(), "tier", "pro", "status", "DISABLED", "active", false));
        String accountId = given().spec(as(user)).contentType(ContentType.JSON).body(body)
                .post(ACCOUNTS).then().statusCode(201).extract().path("accountId");

        given().spec(as(user)).get(ACCOUNTS + "/" + accountId).then().statusCode(200)
                .body("status", equalTo("READY")).body("active", equalTo(true));
        given().spec(as(victim)).get(ACCOUNTS).then().body("$", hasSize(0));
        given().spec(as(user)).get("/api/v1/me").then().body("tier", equalTo("basic")).body("status", equalTo("ACTIVE"));
        assertThat(pool.withTransaction(connection -> connection
                        .preparedQuery("select set_config('app.user_id', $1, true)").execute(Tuple.of(user.toString()))
                        .chain(() -> connection.preparedQuery("select user_id from broker_accounts where id = $1")
                                .execute(Tuple.of(UUID.fromString(accountId)))))
                .await().atMost(Duration.ofSeconds(10)).iterator().next().getUUID(0)).isEqualTo(user);
    }

    /** BOLA: every route that takes an account id, called by another user, answers 404 and changes nothing. */
    @Test
    void anotherUsersAccountIsNotFoundForEveryRouteAndIsLeftAlone() {
        UUID alice = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        String alicesAccount = create(alice, "Alice's");
        String bobsAccount = create(bob, "Bob's");
        String alicesBefore = given().spec(as(alice)).get(ACCOUNTS).then().extract().asString();

        notFound(given().spec(as(bob)).get(ACCOUNTS + "/" + alicesAccount).then());
        notFound(given().spec(as(bob)).delete(ACCOUNTS + "/" + alicesAccount).then());
        notFound(given().spec(as(bob)).post(ACCOUNTS + "/" + alicesAccount + "/activate").then());
        notFound(given().spec(as(bob)).contentType(ContentType.JSON).body(Map.of("label", "Bob's now"))
                .patch(ACCOUNTS + "/" + alicesAccount).then());
        notFound(given().spec(as(bob)).contentType(ContentType.JSON).body(Map.of("requestToken", "abc123"))
                .post(ACCOUNTS + "/" + alicesAccount + "/kite-session").then());
        given().spec(as(bob)).get(ACCOUNTS).then().body("accountId", not(hasItem(alicesAccount)));

        assertThat(given().spec(as(alice)).get(ACCOUNTS).then().extract().asString()).isEqualTo(alicesBefore);
        given().spec(as(alice)).get("/api/v1/me").then().body("activeAccountId", equalTo(alicesAccount));
        given().spec(as(bob)).get("/api/v1/me").then().body("activeAccountId", equalTo(bobsAccount));
    }

    @Test
    void unknownAndMalformedIdsAreNotFound() {
        UUID user = UUID.randomUUID();
        notFound(given().spec(as(user)).get(ACCOUNTS + "/" + UUID.randomUUID()).then());
        notFound(given().spec(as(user)).get(ACCOUNTS + "/not-a-uuid").then());
        notFound(given().spec(as(user)).delete(ACCOUNTS + "/not-a-uuid").then());
        notFound(given().spec(as(user)).post(ACCOUNTS + "/not-a-uuid/activate").then());
        notFound(given().spec(as(user)).contentType(ContentType.JSON).body(Map.of("label", "x"))
                .patch(ACCOUNTS + "/" + UUID.randomUUID()).then());
        notFound(given().spec(as(user)).contentType(ContentType.JSON).body(Map.of("requestToken", "abc123"))
                .post(ACCOUNTS + "/not-a-uuid/kite-session").then());
    }

    @Test
    void everyRouteNeedsAValidToken() {
        UUID user = UUID.randomUUID();
        String accountId = create(user, "Mine");
        for (RequestSpecification anonymousOrExpired : List.of(given(), given().auth().oauth2(TestTokens.expired(user)))) {
            unauthorized(given().spec(anonymousOrExpired).get(ACCOUNTS).then());
            unauthorized(given().spec(anonymousOrExpired).contentType(ContentType.JSON)
                    .body(Map.of("broker", "paper", "label", "x")).post(ACCOUNTS).then());
            unauthorized(given().spec(anonymousOrExpired).get(ACCOUNTS + "/" + accountId).then());
            unauthorized(given().spec(anonymousOrExpired).delete(ACCOUNTS + "/" + accountId).then());
            unauthorized(given().spec(anonymousOrExpired).post(ACCOUNTS + "/" + accountId + "/activate").then());
            unauthorized(given().spec(anonymousOrExpired).contentType(ContentType.JSON).body(Map.of("label", "x"))
                    .patch(ACCOUNTS + "/" + accountId).then());
            unauthorized(given().spec(anonymousOrExpired).contentType(ContentType.JSON).body(Map.of("requestToken", "abc"))
                    .post(ACCOUNTS + "/" + accountId + "/kite-session").then());
        }
        given().spec(as(user)).get(ACCOUNTS + "/" + accountId).then().statusCode(200);
    }

    private static RequestSpecification as(UUID user) {
        return given().auth().oauth2(TestTokens.trader(user));
    }

    private static String create(UUID user, String label) {
        return given().spec(as(user)).contentType(ContentType.JSON).body(Map.of("broker", "paper", "label", label))
                .post(ACCOUNTS).then().statusCode(201).extract().path("accountId");
    }

    private static String created(UUID user, String label) {
        return given().spec(as(user)).get(ACCOUNTS).then().extract().path("find { it.label == '" + label + "' }.accountId");
    }

    private static ValidatableResponse invalid(UUID user, Map<String, ?> body) {
        return given().spec(as(user)).contentType(ContentType.JSON).body(body).post(ACCOUNTS)
                .then().statusCode(400).contentType("application/problem+json").body("code", equalTo("VALIDATION"));
    }

    private static ValidatableResponse patchInvalid(UUID user, String accountId, Map<String, ?> body) {
        return given().spec(as(user)).contentType(ContentType.JSON).body(body).patch(ACCOUNTS + "/" + accountId)
                .then().statusCode(400).contentType("application/problem+json").body("code", equalTo("VALIDATION"));
    }

    private static void notFound(ValidatableResponse response) {
        response.statusCode(404).contentType("application/problem+json").body("code", equalTo("NOT_FOUND"));
    }

    private static void unauthorized(ValidatableResponse response) {
        response.statusCode(401).contentType("application/problem+json");
    }
}
