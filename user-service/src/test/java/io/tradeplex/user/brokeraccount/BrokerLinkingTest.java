package io.tradeplex.user.brokeraccount;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.tradeplex.contracts.EventJson;
import io.tradeplex.contracts.Topics;
import io.tradeplex.contracts.users.UserState;
import io.tradeplex.testing.KafkaProbe;
import io.tradeplex.testing.TestLog;
import io.tradeplex.user.brokers.BrokerFakes;
import io.tradeplex.testing.brokers.FakeBinance;
import io.tradeplex.testing.brokers.FakeKite;
import io.tradeplex.user.support.UserDb;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.tradeplex.user.support.Linking.ACCOUNTS;
import static io.tradeplex.user.support.Linking.as;
import static io.tradeplex.user.support.Linking.link;
import static io.tradeplex.user.support.Linking.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** Linking live brokers against the fake Binance and Kite servers, which check signatures and checksums as documented. */
@QuarkusTest
@QuarkusTestResource(BrokerFakes.class)
class BrokerLinkingTest {
    @BrokerFakes.Fake
    FakeBinance binance;
    @BrokerFakes.Fake
    FakeKite kite;
    @Inject
    Pool pool;

    @Test
    void aBinanceKeyPairIsCheckedWithASignedCallThenSealedAndShownMasked() {
        UUID user = UUID.randomUUID();
        String apiKey = unique("bnKey");
        String apiSecret = unique("bnSecret");
        binance.register(apiKey, apiSecret);

        String accountId = link(user, "binance", apiKey, apiSecret);

        String body = given().spec(as(user)).get(ACCOUNTS + "/" + accountId).then().statusCode(200)
                .body("broker", equalTo("binance"))
                .body("status", equalTo("READY"))
                .body("active", equalTo(true))
                .body("credentials.apiKey", equalTo(apiKey.substring(0, 4) + "…" + apiKey.substring(apiKey.length() - 4)))
                .body("credentials.apiSecret", equalTo("configured"))
                .body("loginUrl", nullValue())
                .body("sessionExpired", equalTo(false))
                .extract().asString();
        assertThat(body).doesNotContain(apiSecret).doesNotContain(apiKey);
        assertThat(given().spec(as(user)).get(ACCOUNTS).then().statusCode(200).extract().asString())
                .doesNotContain(apiSecret).doesNotContain(apiKey);

        List<Row> rows = UserDb.query(pool, user, "select name, key_id, hint from broker_credentials where account_id = $1 order by name",
                UUID.fromString(accountId));
        assertThat(rows).extracting(row -> row.getString("name")).containsExactly("apiKey", "apiSecret");
        assertThat(rows).extracting(row -> row.getString("key_id")).containsOnly("k2");
    }

    @Test
    void keysBinanceRefusesAreRejectedAndNothingIsStored() {
        UUID user = UUID.randomUUID();
        String apiKey = unique("bnKey");
        binance.register(apiKey, unique("bnSecret"));

        rejected(user, "binance", unique("unknownKey"), unique("x"), "code -2015");
        rejected(user, "binance", apiKey, unique("wrongSecret"), "code -1022");
        String readOnly = unique("bnReadOnly");
        String readOnlySecret = unique("bnSecret");
        binance.registerWithoutTrading(readOnly, readOnlySecret);
        rejected(user, "binance", readOnly, readOnlySecret, "cannot trade");

        given().spec(as(user)).get(ACCOUNTS).then().body("$", hasSize(0));
        assertThat(UserDb.query(pool, user, "select 1 from broker_credentials")).isEmpty();
    }

    @Test
    void aBinanceOutageIsA503AndNothingIsStored() {
        UUID user = UUID.randomUUID();
        String apiKey = unique("bnKey");
        String apiSecret = unique("bnSecret");
        binance.register(apiKey, apiSecret);
        binance.failWith(502);
        try {
            given().spec(as(user)).contentType(ContentType.JSON)
                    .body(Map.of("broker", "binance", "label", "Live", "credentials", Map.of("apiKey", apiKey, "apiSecret", apiSecret)))
                    .post(ACCOUNTS).then().statusCode(503).contentType("application/problem+json")
                    .body("code", equalTo("BROKER_UNREACHABLE"));
        } finally {
            binance.failWith(0);
        }
        given().spec(as(user)).get(ACCOUNTS).then().body("$", hasSize(0));
    }

    @Test
    void aKiteAccountNeedsALoginAndTheRequestTokenExchangeMakesItReady() {
        UUID user = UUID.randomUUID();
        String apiKey = unique("kiteKey");
        String apiSecret = unique("kiteSecret");
        kite.register(apiKey, apiSecret, "AB1234");

        String accountId = link(user, "kite", apiKey, apiSecret);
        given().spec(as(user)).get(ACCOUNTS + "/" + accountId).then().statusCode(200)
                .body("status", equalTo("LOGIN_REQUIRED"))
                .body("sessionExpired", equalTo(false))
                .body("loginUrl", equalTo(kite.baseUrl() + "/connect/login?v=3&api_key=" + apiKey))
                .body("credentials.accessToken", nullValue());

        String requestToken = kite.issueRequestToken(apiKey);
        String view = given().spec(as(user)).contentType(ContentType.JSON).body(Map.of("requestToken", requestToken))
                .post(ACCOUNTS + "/" + accountId + "/kite-session").then().statusCode(200)
                .body("status", equalTo("READY"))
                .body("brokerUserId", equalTo("AB1234"))
                .body("sessionExpiresAt", notNullValue())
                .body("sessionExpired", equalTo(false))
                .body("credentials.accessToken", equalTo("configured"))
                .extract().asString();
        assertThat(view).doesNotContain(apiSecret).doesNotContain(kite.accessTokenIssuedFor(requestToken));
        Instant expires = Instant.parse(given().spec(as(user)).get(ACCOUNTS + "/" + accountId).then()
                .extract().path("sessionExpiresAt"));
        assertThat(expires).isAfter(Instant.now()).isBefore(Instant.now().plus(Duration.ofHours(24)));

        // A request_token is single-use: Kite refuses it the second time, and the session stays as it was.
        given().spec(as(user)).contentType(ContentType.JSON).body(Map.of("requestToken", requestToken))
                .post(ACCOUNTS + "/" + accountId + "/kite-session").then().statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("KITE_LOGIN_FAILED"))
                .body("detail", containsString("Token is invalid or has expired."));
        given().spec(as(user)).get(ACCOUNTS + "/" + accountId).then().body("status", equalTo("READY"));
    }

    @Test
    void aWrongKiteSecretFailsTheChecksumAndAKiteOutageIsA503() {
        UUID user = UUID.randomUUID();
        String apiKey = unique("kiteKey");
        kite.register(apiKey, unique("kiteSecret"), "CD5678");
        String accountId = link(user, "kite", apiKey, unique("notTheSecret"));

        given().spec(as(user)).contentType(ContentType.JSON).body(Map.of("requestToken", kite.issueRequestToken(apiKey)))
                .post(ACCOUNTS + "/" + accountId + "/kite-session").then().statusCode(422)
                .body("code", equalTo("KITE_LOGIN_FAILED")).body("detail", containsString("checksum"));
        kite.failWith(503);
        try {
            given().spec(as(user)).contentType(ContentType.JSON).body(Map.of("requestToken", kite.issueRequestToken(apiKey)))
                    .post(ACCOUNTS + "/" + accountId + "/kite-session").then().statusCode(503)
                    .body("code", equalTo("BROKER_UNREACHABLE"));
        } finally {
            kite.failWith(0);
        }
        given().spec(as(user)).get(ACCOUNTS + "/" + accountId).then().body("status", equalTo("LOGIN_REQUIRED"));
    }

    @Test
    void anExpiredKiteSessionReadsAsLoginRequired() {
        UUID user = UUID.randomUUID();
        String apiKey = unique("kiteKey");
        String apiSecret = unique("kiteSecret");
        kite.register(apiKey, apiSecret, "EF9012");
        String accountId = link(user, "kite", apiKey, apiSecret);
        given().spec(as(user)).contentType(ContentType.JSON).body(Map.of("requestToken", kite.issueRequestToken(apiKey)))
                .post(ACCOUNTS + "/" + accountId + "/kite-session").then().statusCode(200);

        expireKiteSession(pool, user, accountId);

        given().spec(as(user)).get(ACCOUNTS).then().statusCode(200)
                .body("[0].status", equalTo("LOGIN_REQUIRED"))
                .body("[0].sessionExpired", equalTo(true))
                .body("[0].brokerUserId", equalTo("EF9012"));
    }

    @Test
    void onlyKiteAccountsTakeARequestToken() {
        UUID user = UUID.randomUUID();
        String paper = given().spec(as(user)).contentType(ContentType.JSON).body(Map.of("broker", "paper", "label", "P"))
                .post(ACCOUNTS).then().statusCode(201).extract().path("accountId");
        given().spec(as(user)).contentType(ContentType.JSON).body(Map.of("requestToken", "abc123"))
                .post(ACCOUNTS + "/" + paper + "/kite-session").then().statusCode(422)
                .body("code", equalTo("NOT_A_KITE_ACCOUNT"));
        given().spec(as(user)).contentType(ContentType.JSON).body(Map.of("requestToken", "not a token!"))
                .post(ACCOUNTS + "/" + paper + "/kite-session").then().statusCode(400)
                .body("errors.field", equalTo(List.of("requestToken")));
    }

    @Test
    void deletingAnAccountShredsItsSecrets() {
        UUID user = UUID.randomUUID();
        String apiKey = unique("bnKey");
        String apiSecret = unique("bnSecret");
        binance.register(apiKey, apiSecret);
        String accountId = link(user, "binance", apiKey, apiSecret);
        List<Row> before = UserDb.query(pool, user, "select ciphertext, wrapped_key from broker_credentials where account_id = $1",
                UUID.fromString(accountId));
        assertThat(before).hasSize(2);

        given().spec(as(user)).delete(ACCOUNTS + "/" + accountId).then().statusCode(204);

        assertThat(UserDb.query(pool, user, "select 1 from broker_credentials where account_id = $1", UUID.fromString(accountId)))
                .isEmpty();
        // The wrapped data keys existed only in those rows: no row anywhere still holds one, so the ciphertexts, wherever
        // a copy survives, cannot be opened even with the master key.
        for (Row row : before) {
            assertThat(UserDb.query(pool, user, "select 1 from broker_credentials where wrapped_key = $1 or ciphertext = $2",
                    row.getBuffer("wrapped_key").getDelegate(), row.getBuffer("ciphertext").getDelegate())).isEmpty();
        }
    }

    @Test
    void everyAccountChangePublishesTheUsersState() {
        UUID user = UUID.randomUUID();
        String apiKey = unique("kiteKey");
        String apiSecret = unique("kiteSecret");
        kite.register(apiKey, apiSecret, "GH3456");
        String accountId = link(user, "kite", apiKey, apiSecret);
        given().spec(as(user)).contentType(ContentType.JSON).body(Map.of("requestToken", kite.issueRequestToken(apiKey)))
                .post(ACCOUNTS + "/" + accountId + "/kite-session").then().statusCode(200);
        given().spec(as(user)).contentType(ContentType.JSON).body(Map.of("label", "Renamed"))
                .patch(ACCOUNTS + "/" + accountId).then().statusCode(200);
        given().spec(as(user)).post(ACCOUNTS + "/" + accountId + "/activate").then().statusCode(200);
        given().spec(as(user)).delete(ACCOUNTS + "/" + accountId).then().statusCode(204);

        try (KafkaProbe kafka = new KafkaProbe()) {
            List<KafkaProbe.Received> states = kafka.await("test." + Topics.USERS, user.toString(),
                    record -> UserState.TYPE.equals(record.type()), 5, Duration.ofSeconds(30));
            assertThat(states).hasSize(5);
            assertThat(EventJson.read(states.get(0).value(), UserState.class).activeAccountId())
                    .isEqualTo(UUID.fromString(accountId));
            assertThat(EventJson.read(states.get(4).value(), UserState.class).activeAccountId()).isNull();
        }
    }

    /**
     * CWE-532 through the real log pipeline ({@link TestLog}): the Binance key pair on a link that succeeds and on one
     * Binance refuses, the Kite secret, the request token and the access token of the exchange reach no log line.
     */
    @Test
    void brokerSecretsReachNoLogLine() {
        UUID user = UUID.randomUUID();
        String binanceKey = TestLog.canary("binance-key");
        String binanceSecret = TestLog.canary("binance-secret");
        String wrongSecret = TestLog.canary("binance-wrong-secret");
        binance.register(binanceKey, binanceSecret);
        String linked = "log-canary-" + UUID.randomUUID();
        linkWithRequestId(user, "binance", binanceKey, binanceSecret, linked).statusCode(201);
        String refused = "log-canary-" + UUID.randomUUID();
        linkWithRequestId(user, "binance", binanceKey, wrongSecret, refused).statusCode(422);

        String kiteKey = TestLog.canary("kite-key");
        String kiteSecret = TestLog.canary("kite-secret");
        kite.register(kiteKey, kiteSecret, "KL7788");
        String accountId = linkWithRequestId(user, "kite", kiteKey, kiteSecret, "log-canary-" + UUID.randomUUID())
                .statusCode(201).extract().path("accountId");
        String requestToken = kite.issueRequestToken(kiteKey);
        String session = "log-canary-" + UUID.randomUUID();
        given().spec(as(user)).header("X-Request-Id", session).contentType(ContentType.JSON)
                .body(Map.of("requestToken", requestToken))
                .post(ACCOUNTS + "/" + accountId + "/kite-session").then().statusCode(200);

        String[] canaries = {binanceKey, binanceSecret, wrongSecret, kiteKey, kiteSecret, requestToken,
                kite.accessTokenIssuedFor(requestToken)};
        TestLog.assertRequestLoggedWithout(linked, canaries);
        TestLog.assertRequestLoggedWithout(refused, canaries);
        TestLog.assertRequestLoggedWithout(session, canaries);
    }

    private static ValidatableResponse linkWithRequestId(UUID user, String broker, String apiKey, String apiSecret,
                                                         String requestId) {
        return given().spec(as(user)).header("X-Request-Id", requestId).contentType(ContentType.JSON)
                .body(Map.of("broker", broker, "label", "Live", "credentials", Map.of("apiKey", apiKey, "apiSecret", apiSecret)))
                .post(ACCOUNTS).then();
    }

    static void expireKiteSession(Pool pool, UUID user, String accountId) {
        UserDb.query(pool, user, "update broker_accounts set session_expires_at = now() - interval '1 minute' where id = $1",
                UUID.fromString(accountId));
    }

    private static void rejected(UUID user, String broker, String apiKey, String apiSecret, String detail) {
        String body = given().spec(as(user)).contentType(ContentType.JSON)
                .body(Map.of("broker", broker, "label", "Live", "credentials", Map.of("apiKey", apiKey, "apiSecret", apiSecret)))
                .post(ACCOUNTS).then().statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("CREDENTIALS_REJECTED"))
                .body("detail", containsString(detail))
                .extract().asString();
        assertThat(body).doesNotContain(apiSecret).doesNotContain(apiKey);
    }
}
