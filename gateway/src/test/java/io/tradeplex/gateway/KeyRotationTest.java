package io.tradeplex.gateway;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tradeplex.testing.TestTokens;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/** Tokens are verified with the keys auth-service publishes, as they change. */
@QuarkusTest
@WithTestResource(FakeUpstreamsResource.class)
class KeyRotationTest {
    private static final TestSigningKey SHARED = TestSigningKey.shared();

    FakeUpstreams upstreams;

    @Inject
    ManualTime time;

    @ConfigProperty(name = "tradeplex.gateway.jwks.min-refresh-interval")
    Duration minRefreshInterval;

    @BeforeEach
    void reset() {
        upstreams.reset();
        // Whatever the last test fetched, the next unknown kid may fetch again.
        time.advance(minRefreshInterval);
    }

    @Test
    void tokensSignedByEitherPublishedKeyAreAccepted() {
        TestSigningKey next = TestSigningKey.generate("next-" + UUID.randomUUID());
        upstreams.publishKeys(SHARED, next);

        given().auth().oauth2(next.sign(ForgedTokens.claims())).when().get("/api/v1/orders").then().statusCode(200);
        given().auth().oauth2(SHARED.sign(ForgedTokens.claims())).when().get("/api/v1/orders").then().statusCode(200);

        assertThat(upstreams.received()).hasSize(2);
    }

    @Test
    void aKeyRemovedFromTheSetStopsVerifyingAtTheNextRefresh() {
        TestSigningKey retiring = TestSigningKey.generate("retiring-" + UUID.randomUUID());
        TestSigningKey successor = TestSigningKey.generate("successor-" + UUID.randomUUID());
        upstreams.publishKeys(SHARED, retiring);
        String signedByRetiring = retiring.sign(ForgedTokens.claims());
        given().auth().oauth2(signedByRetiring).when().get("/api/v1/orders").then().statusCode(200);

        upstreams.publishKeys(SHARED, successor);
        time.advance(minRefreshInterval);
        given().auth().oauth2(successor.sign(ForgedTokens.claims())).when().get("/api/v1/orders").then().statusCode(200);

        given().auth().oauth2(signedByRetiring).when().get("/api/v1/orders")
                .then().statusCode(401).body("code", equalTo("UNAUTHORIZED"));
        assertThat(upstreams.received()).hasSize(2);
    }

    @Test
    void anUnknownKidIsRefusedAndFetchesTheSetAtMostOncePerInterval() {
        int fetchesBefore = upstreams.jwksFetches();

        // Our own key under a name nobody published: the name is what is unknown, and that is enough to refuse.
        for (int attempt = 0; attempt < 5; attempt++) {
            TestSigningKey unpublished = new TestSigningKey("forged-" + UUID.randomUUID(), SHARED.publicKey(), SHARED.privateKey());
            given().auth().oauth2(unpublished.sign(ForgedTokens.claims())).when().get("/api/v1/orders")
                    .then().statusCode(401)
                    .header("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                    .header("X-Request-Id", notNullValue());
        }
        assertThat(upstreams.jwksFetches()).isEqualTo(fetchesBefore + 1);

        time.advance(minRefreshInterval);
        TestSigningKey another = TestSigningKey.generate("forged-" + UUID.randomUUID());
        given().auth().oauth2(another.sign(ForgedTokens.claims())).when().get("/api/v1/orders").then().statusCode(401);
        assertThat(upstreams.jwksFetches()).isEqualTo(fetchesBefore + 2);
        assertThat(upstreams.received()).isEmpty();
    }

    @Test
    void claimsChangedAfterSigningAreRefused() {
        String token = TestTokens.trader(UUID.randomUUID());
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String elevated = payload.replace("\"trader\"", "\"admin\"");
        assertThat(elevated).isNotEqualTo(payload);
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(elevated.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        given().auth().oauth2(tampered).when().get("/api/v1/admin/users")
                .then().statusCode(401).body("code", equalTo("UNAUTHORIZED"));
        assertThat(upstreams.received()).isEmpty();
    }
}
