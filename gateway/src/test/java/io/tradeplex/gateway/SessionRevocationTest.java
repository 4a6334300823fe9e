package io.tradeplex.gateway;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tradeplex.contracts.Topics;
import io.tradeplex.contracts.auth.SessionRevoked;
import io.tradeplex.testing.KafkaProbe;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** Logging out ends a session's access tokens at the gateway within seconds, through auth's events on Kafka. */
@QuarkusTest
@WithTestResource(FakeUpstreamsResource.class)
class SessionRevocationTest {
    private static final String AUTH_TOPIC = "test." + Topics.AUTH;
    private static final TestSigningKey SHARED = TestSigningKey.shared();

    FakeUpstreams upstreams;

    @Inject
    ManualTime time;

    @BeforeEach
    void reset() {
        upstreams.reset();
    }

    @Test
    void aRevokedSessionsTokensAreRefusedWhileItsOtherSessionsGoOn() {
        UUID userId = UUID.randomUUID();
        UUID ended = UUID.randomUUID();
        String endedToken = tokenOf(userId, ended);
        String otherDeviceToken = tokenOf(userId, UUID.randomUUID());
        given().auth().oauth2(endedToken).when().get("/api/v1/orders").then().statusCode(200);

        // The gateway's clock, which other tests may have moved ahead, decides whether the revocation is still current.
        Instant now = time.now();
        try (KafkaProbe kafka = new KafkaProbe()) {
            kafka.send(AUTH_TOPIC, userId.toString(), new SessionRevoked(SessionRevoked.SCHEMA_VERSION, userId, ended, "logout",
                    now, now.plus(Duration.ofMinutes(15))));
        }

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().auth().oauth2(endedToken).when().get("/api/v1/orders")
                        .then().statusCode(401)
                        .contentType("application/problem+json")
                        .header("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                        .body("code", equalTo("SESSION_REVOKED")));
        given().auth().oauth2(otherDeviceToken).when().get("/api/v1/orders").then().statusCode(200);
    }

    @Test
    void aSessionRevokedBeforeTheGatewayStartedIsRefusedOnceItIsReady() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().when().get("/q/health/ready").then().statusCode(200)
                        .body("checks.find { it.name == 'session-revocations' }.status", equalTo("UP")));

        given().auth().oauth2(tokenOf(UUID.randomUUID(), FakeUpstreamsResource.REVOKED_BEFORE_START))
                .when().get("/api/v1/orders")
                .then().statusCode(401).body("code", equalTo("SESSION_REVOKED"));
    }

    private static String tokenOf(UUID userId, UUID sessionId) {
        return SHARED.sign(ForgedTokens.claims().subject(userId.toString()).claim("sid", sessionId.toString()));
    }
}
