package io.tradeplex.user.brokeraccount;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.tradeplex.kit.internal.ServiceSignature;
import io.tradeplex.user.brokers.BrokerFakes;
import io.tradeplex.testing.brokers.FakeBinance;
import io.tradeplex.testing.brokers.FakeKite;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.tradeplex.user.support.Linking.ACCOUNTS;
import static io.tradeplex.user.support.Linking.as;
import static io.tradeplex.user.support.Linking.link;
import static io.tradeplex.user.support.Linking.startKiteSession;
import static io.tradeplex.user.support.Linking.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

/** order-service's way to the secrets: only a correctly signed, fresh internal call gets them. */
@QuarkusTest
@QuarkusTestResource(BrokerFakes.class)
class InternalCredentialsTest {
    private static final byte[] INTERNAL_SECRET = "test-internal-secret-do-not-use-in-production".getBytes(StandardCharsets.UTF_8);

    @BrokerFakes.Fake
    FakeBinance binance;
    @BrokerFakes.Fake
    FakeKite kite;
    @Inject
    Pool pool;

    @Test
    void aSignedCallGetsTheBinanceSecretsUncached() {
        UUID user = UUID.randomUUID();
        String apiKey = unique("bnKey");
        String apiSecret = unique("bnSecret");
        binance.register(apiKey, apiSecret);
        String accountId = link(user, "binance", apiKey, apiSecret);

        signed(path(user, accountId), System.currentTimeMillis()).get(path(user, accountId)).then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("accountId", equalTo(accountId))
                .body("broker", equalTo("binance"))
                .body("apiKey", equalTo(apiKey))
                .body("apiSecret", equalTo(apiSecret))
                .body("$", not(hasKey("accessToken")));
    }

    @Test
    void aKiteAccountHandsOutItsSessionOnlyWhileItLasts() {
        UUID user = UUID.randomUUID();
        String apiKey = unique("kiteKey");
        String apiSecret = unique("kiteSecret");
        kite.register(apiKey, apiSecret, "IJ7890");
        String accountId = link(user, "kite", apiKey, apiSecret);
        String path = path(user, accountId);

        signed(path, System.currentTimeMillis()).get(path).then().statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("KITE_LOGIN_REQUIRED"));

        String requestToken = kite.issueRequestToken(apiKey);
        startKiteSession(user, accountId, requestToken);
        signed(path, System.currentTimeMillis()).get(path).then().statusCode(200)
                .body("apiKey", equalTo(apiKey))
                .body("apiSecret", equalTo(apiSecret))
                .body("accessToken", equalTo(kite.accessTokenIssuedFor(requestToken)))
                .body("brokerUserId", equalTo("IJ7890"))
                .body("sessionExpiresAt", notNullValue());

        BrokerLinkingTest.expireKiteSession(pool, user, accountId);
        signed(path, System.currentTimeMillis()).get(path).then().statusCode(409)
                .body("code", equalTo("KITE_LOGIN_REQUIRED"));
    }

    @Test
    void unsignedBadlySignedAndStaleCallsAreRefused() {
        UUID user = UUID.randomUUID();
        String apiKey = unique("bnKey");
        String apiSecret = unique("bnSecret");
        binance.register(apiKey, apiSecret);
        String accountId = link(user, "binance", apiKey, apiSecret);
        String path = path(user, accountId);
        long now = System.currentTimeMillis();

        refused(given().get(path).then());
        refused(given().auth().oauth2(io.tradeplex.testing.TestTokens.trader(user)).get(path).then());
        refused(given().header(ServiceSignature.CALLER_HEADER, "order-service")
                .header(ServiceSignature.TIMESTAMP_HEADER, Long.toString(now))
                .header(ServiceSignature.SIGNATURE_HEADER, ServiceSignature.sign(
                        "another-secret-of-at-least-32-characters".getBytes(StandardCharsets.UTF_8), "order-service", now, "GET", path))
                .get(path).then());
        // Signed for another account: the signature covers the path.
        refused(given().header(ServiceSignature.CALLER_HEADER, "order-service")
                .header(ServiceSignature.TIMESTAMP_HEADER, Long.toString(now))
                .header(ServiceSignature.SIGNATURE_HEADER, ServiceSignature.sign(INTERNAL_SECRET, "order-service", now,
                        "GET", path(user, UUID.randomUUID().toString())))
                .get(path).then());
        long stale = now - ServiceSignature.MAX_SKEW_MILLIS - 5_000;
        refused(signed(path, stale).get(path).then());
    }

    @Test
    void unknownPaperAndOtherUsersAccountsAreNotFound() {
        UUID user = UUID.randomUUID();
        UUID someoneElse = UUID.randomUUID();
        String apiKey = unique("bnKey");
        String apiSecret = unique("bnSecret");
        binance.register(apiKey, apiSecret);
        String accountId = link(user, "binance", apiKey, apiSecret);
        String paper = given().spec(as(user)).contentType(ContentType.JSON).body(Map.of("broker", "paper", "label", "P"))
                .post(ACCOUNTS).then().statusCode(201).extract().path("accountId");

        for (String path : new String[]{path(user, UUID.randomUUID().toString()), path(user, paper),
                path(someoneElse, accountId), "/internal/v1/users/not-a-uuid/broker-accounts/" + accountId + "/credentials"}) {
            signed(path, System.currentTimeMillis()).get(path).then().statusCode(404)
                    .contentType("application/problem+json");
        }
    }

    private static String path(UUID user, String accountId) {
        return "/internal/v1/users/" + user + "/broker-accounts/" + accountId + "/credentials";
    }

    private static RequestSpecification signed(String path, long timestamp) {
        return given().header(ServiceSignature.CALLER_HEADER, "order-service")
                .header(ServiceSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(ServiceSignature.SIGNATURE_HEADER, ServiceSignature.sign(INTERNAL_SECRET, "order-service", timestamp, "GET", path));
    }

    private static void refused(io.restassured.response.ValidatableResponse response) {
        response.statusCode(401).contentType("application/problem+json").body("code", equalTo("SERVICE_SIGNATURE_INVALID"));
    }
}
