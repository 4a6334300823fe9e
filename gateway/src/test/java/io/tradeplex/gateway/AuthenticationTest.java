package io.tradeplex.gateway;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tradeplex.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.UUID;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@WithTestResource(FakeUpstreamsResource.class)
class AuthenticationTest {
    FakeUpstreams upstreams;

    @BeforeEach
    void reset() {
        upstreams.reset();
    }

    @Test
    void aProtectedRouteWithoutTokenIsRefusedWithABareChallenge() {
        given().when().get("/api/v1/orders")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("type", equalTo("about:blank"))
                .body("title", equalTo("Unauthorized"))
                .body("status", equalTo(401))
                .body("code", equalTo("UNAUTHORIZED"))
                .body("instance", equalTo("/api/v1/orders"));
        assertThat(upstreams.received()).isEmpty();
    }

    @Test
    void theForgeriesDifferFromAnAcceptedTokenInOneRespectOnly() {
        given().auth().oauth2(ForgedTokens.signedWithTestKey(ForgedTokens.claims()))
                .when().post("/api/v1/orders")
                .then().statusCode(200);
    }

    static Stream<Arguments> refusedTokens() {
        UUID user = UUID.randomUUID();
        return Stream.of(
                Arguments.of("garbage", "Bearer not.a.jwt"),
                Arguments.of("expired", "Bearer " + TestTokens.expired(user)),
                Arguments.of("wrong issuer", "Bearer " + ForgedTokens.signedWithTestKey(ForgedTokens.claims().issuer("https://evil.example/auth"))),
                Arguments.of("wrong audience", "Bearer " + ForgedTokens.signedWithTestKey(ForgedTokens.claims().audience("someone-else"))),
                Arguments.of("subject not a user id", "Bearer " + ForgedTokens.signedWithTestKey(ForgedTokens.claims().subject("admin"))),
                Arguments.of("alg none", "Bearer " + ForgedTokens.unsigned()),
                Arguments.of("HS256 keyed with the public key", "Bearer " + ForgedTokens.hs256KeyedWithPublicKey()),
                Arguments.of("signed by another key", "Bearer " + ForgedTokens.signedWithAnotherKey()),
                Arguments.of("not a bearer scheme", "Basic " + TestTokens.trader(user)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedTokens")
    void aBadTokenIsRefusedBeforeAnyUpstreamIsCalled(String kind, String authorization) {
        given().header("Authorization", authorization)
                .when().post("/api/v1/orders")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                .body("code", equalTo("UNAUTHORIZED"));
        assertThat(upstreams.received()).isEmpty();
    }

    @Test
    void sessionStartingCallsNeedNoToken() {
        given().contentType("application/json").body("{}").when().post("/api/v1/auth/register").then().statusCode(200);
        given().contentType("application/json").body("{}").when().post("/api/v1/auth/login").then().statusCode(200);
        given().contentType("application/json").body("{}").when().post("/api/v1/auth/refresh").then().statusCode(200);
        given().when().get("/api/v1/auth/jwks").then().statusCode(200);
        given().contentType("application/json").body("{}").when().post("/api/v1/auth/verify-email").then().statusCode(200);
        given().contentType("application/json").body("{}").when().post("/api/v1/auth/invitations/accept").then().statusCode(200);

        assertThat(upstreams.received()).extracting(FakeUpstreams.Received::upstream).containsOnly("auth").hasSize(6);
    }

    @Test
    void onlyTheExactPublicMethodAndPathAreOpen() {
        given().when().post("/api/v1/auth/logout").then().statusCode(401);
        given().when().get("/api/v1/auth/login").then().statusCode(401);
        given().when().post("/api/v1/auth/login/extra").then().statusCode(401);
        given().when().get("/api/v1/auth/invitations/accept").then().statusCode(401);
        given().when().post("/api/v1/auth/invitations").then().statusCode(401);
        assertThat(upstreams.received()).isEmpty();
    }

    @Test
    void healthAndMetricsNeedNoToken() {
        // Ready only once the event feed has caught up, which may still be under way in the first test to run.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().when().get("/q/health/ready").then().statusCode(200));
        given().when().get("/q/metrics").then().statusCode(200);
    }
}
