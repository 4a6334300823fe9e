package io.tradeplex.user.brokeraccount;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.tradeplex.contracts.EventJson;
import io.tradeplex.contracts.Topics;
import io.tradeplex.contracts.audit.AuditEvent;
import io.tradeplex.contracts.users.UserState;
import io.tradeplex.kit.internal.ServiceSignature;
import io.tradeplex.testing.KafkaProbe;
import io.tradeplex.testing.brokers.FakeKite;
import io.tradeplex.user.brokers.BrokerFakes;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.tradeplex.user.support.Linking.ACCOUNTS;
import static io.tradeplex.user.support.Linking.as;
import static io.tradeplex.user.support.Linking.link;
import static io.tradeplex.user.support.Linking.startKiteSession;
import static io.tradeplex.user.support.Linking.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** order-service's signed report that Kite refused a session ends that session at once, and only that one. */
@QuarkusTest
@QuarkusTestResource(BrokerFakes.class)
class KiteLoginRequiredTest {
    private static final byte[] INTERNAL_SECRET = "test-internal-secret-do-not-use-in-production".getBytes(StandardCharsets.UTF_8);

    @BrokerFakes.Fake
    FakeKite kite;

    @Test
    void aRefusedSessionEndsAtOnceIsPublishedAndAudited() {
        UUID user = UUID.randomUUID();
        Session session = loggedIn(user);

        signed(path(user, session.accountId)).contentType(ContentType.JSON)
                .body(Map.of("accessTokenSha256", sha256(session.accessToken), "reason", "TokenException on placement"))
                .post(path(user, session.accountId)).then().statusCode(200)
                .body("status", equalTo("LOGIN_REQUIRED")).body("ended", equalTo(true));

        given().spec(as(user)).get(ACCOUNTS + "/" + session.accountId).then().statusCode(200)
                .body("status", equalTo("LOGIN_REQUIRED"));
        String credentials = "/internal/v1/users/" + user + "/broker-accounts/" + session.accountId + "/credentials";
        signed(credentials, "GET").get(credentials).then().statusCode(409).body("code", equalTo("KITE_LOGIN_REQUIRED"));
        String prefix = ConfigProvider.getConfig().getOptionalValue("tradeplex.kafka.topic-prefix", String.class).orElse("");
        try (KafkaProbe kafka = new KafkaProbe()) {
            // A Kite account is published LOGIN_REQUIRED when linked too, but without a session: this one has ended.
            List<KafkaProbe.Received> states = kafka.await(prefix + Topics.USERS, user.toString(), record ->
                    UserState.TYPE.equals(record.type()) && EventJson.read(record.value(), UserState.class).accounts()
                            .stream().anyMatch(account -> "LOGIN_REQUIRED".equals(account.status())
                                    && account.sessionExpiresAt() != null), 1, Duration.ofSeconds(30));
            assertThat(states).hasSize(1);
            List<KafkaProbe.Received> audited = kafka.await(prefix + Topics.AUDIT, user.toString(), record ->
                    AuditEvent.TYPE.equals(record.type()) && record.value().contains("broker-account.kite.login-required"),
                    1, Duration.ofSeconds(30));
            AuditEvent event = EventJson.read(audited.get(0).value(), AuditEvent.class);
            assertThat(event.details()).containsEntry("reportedBy", "order-service")
                    .containsEntry("accountId", session.accountId);
            assertThat(audited.get(0).value()).doesNotContain(session.accessToken);
        }

        // Reported again (another order racing the first): nothing more to end.
        signed(path(user, session.accountId)).contentType(ContentType.JSON)
                .body(Map.of("accessTokenSha256", sha256(session.accessToken)))
                .post(path(user, session.accountId)).then().statusCode(200).body("ended", equalTo(false));
    }

    @Test
    void aRefusalOfAnEarlierTokenLeavesAFreshLoginAlone() {
        UUID user = UUID.randomUUID();
        Session first = loggedIn(user);
        String requestToken = kite.issueRequestToken(first.apiKey);
        startKiteSession(user, first.accountId, requestToken);

        signed(path(user, first.accountId)).contentType(ContentType.JSON)
                .body(Map.of("accessTokenSha256", sha256(first.accessToken)))
                .post(path(user, first.accountId)).then().statusCode(200)
                .body("status", equalTo("READY")).body("ended", equalTo(false));
        given().spec(as(user)).get(ACCOUNTS + "/" + first.accountId).then().body("status", equalTo("READY"));
    }

    @Test
    void onlySignedCallsForTheOwnersKiteAccountAreHeard() {
        UUID user = UUID.randomUUID();
        Session session = loggedIn(user);
        Map<String, String> body = Map.of("accessTokenSha256", sha256(session.accessToken));

        given().auth().oauth2(io.tradeplex.testing.TestTokens.trader(user)).contentType(ContentType.JSON).body(body)
                .post(path(user, session.accountId)).then().statusCode(401).body("code", equalTo("SERVICE_SIGNATURE_INVALID"));
        UUID someoneElse = UUID.randomUUID();
        signed(path(someoneElse, session.accountId)).contentType(ContentType.JSON).body(body)
                .post(path(someoneElse, session.accountId)).then().statusCode(404);
        signed(path(user, session.accountId)).contentType(ContentType.JSON).body(Map.of("accessTokenSha256", "not-a-hash"))
                .post(path(user, session.accountId)).then().statusCode(400);
        given().spec(as(user)).get(ACCOUNTS + "/" + session.accountId).then().body("status", equalTo("READY"));
    }

    private record Session(String accountId, String apiKey, String accessToken) {
    }

    private Session loggedIn(UUID user) {
        String apiKey = unique("kiteKey");
        String apiSecret = unique("kiteSecret");
        kite.register(apiKey, apiSecret, "LR1234");
        String accountId = link(user, "kite", apiKey, apiSecret);
        String requestToken = kite.issueRequestToken(apiKey);
        startKiteSession(user, accountId, requestToken);
        return new Session(accountId, apiKey, kite.accessTokenIssuedFor(requestToken));
    }

    private static String path(UUID user, String accountId) {
        return "/internal/v1/users/" + user + "/broker-accounts/" + accountId + "/login-required";
    }

    private static RequestSpecification signed(String path) {
        return signed(path, "POST");
    }

    private static RequestSpecification signed(String path, String method) {
        long now = System.currentTimeMillis();
        return given().header(ServiceSignature.CALLER_HEADER, "order-service")
                .header(ServiceSignature.TIMESTAMP_HEADER, Long.toString(now))
                .header(ServiceSignature.SIGNATURE_HEADER, ServiceSignature.sign(INTERNAL_SECRET, "order-service", now, method, path));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
