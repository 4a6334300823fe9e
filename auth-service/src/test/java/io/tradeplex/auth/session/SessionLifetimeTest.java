package io.tradeplex.auth.session;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.tradeplex.auth.AuthApi;
import io.tradeplex.auth.time.MutableClock;
import io.tradeplex.testing.TestTokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Idle timeout (30 min) and absolute lifetime (24 h), driven by the test clock. */
@QuarkusTest
class SessionLifetimeTest {
    @Inject
    MutableClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aSessionUsedWithinTheIdleTimeoutLivesOnAndDiesAfterThirtyIdleMinutes() {
        String refreshToken = login().path("refreshToken");
        for (int i = 0; i < 3; i++) {
            clock.advance(Duration.ofMinutes(29));
            refreshToken = AuthApi.refresh(refreshToken).then().statusCode(200).extract().path("refreshToken");
        }
        clock.advance(Duration.ofMinutes(30));
        AuthApi.refresh(refreshToken).then().statusCode(401).body("code", equalTo("INVALID_REFRESH_TOKEN"));
    }

    @Test
    void noRefreshOutlivesTheAbsoluteEndAndTheLastAccessTokensAreCutShort() {
        clock.freezeAt(Instant.now());
        String refreshToken = login().path("refreshToken");
        // Refreshed every 25 minutes, well within the idle timeout, for 23 h 45 min.
        for (int i = 0; i < 57; i++) {
            clock.advance(Duration.ofMinutes(25));
            Response refreshed = AuthApi.refresh(refreshToken);
            refreshed.then().statusCode(200).body("expiresIn", equalTo(900));
            refreshToken = refreshed.path("refreshToken");
        }
        clock.advance(Duration.ofMinutes(10));
        Response last = AuthApi.refresh(refreshToken);
        // Five minutes of session left: the access token gets five minutes, not fifteen.
        last.then().statusCode(200).body("expiresIn", equalTo(300));
        assertThat(AuthApi.jwtPart(last.path("accessToken"), 1).get("exp").asLong()
                - AuthApi.jwtPart(last.path("accessToken"), 1).get("iat").asLong()).isEqualTo(300);

        clock.advance(Duration.ofMinutes(5));
        AuthApi.refresh(last.path("refreshToken")).then().statusCode(401);
    }

    @Test
    void anExpiredSessionsAccessTokensAreRefusedHereThoughTheirSignatureIsStillGood() {
        String accessToken = login().path("accessToken");
        given().auth().oauth2(accessToken).get("/api/v1/me/sessions").then().statusCode(200);

        clock.advance(Duration.ofMinutes(31));

        given().auth().oauth2(accessToken).get("/api/v1/me/sessions")
                .then().statusCode(401).contentType("application/problem+json").body("code", equalTo("SESSION_ENDED"));
    }

    @Test
    void aTokenThatNamesNoSessionIsRefusedHere() {
        given().auth().oauth2(TestTokens.trader(UUID.randomUUID())).get("/api/v1/me/sessions")
                .then().statusCode(401).contentType("application/problem+json").body("code", equalTo("SESSION_ENDED"));
    }

    private static Response login() {
        String email = AuthApi.uniqueEmail();
        AuthApi.registered(email);
        Response login = AuthApi.login(email, AuthApi.PASSWORD);
        login.then().statusCode(200);
        return login;
    }
}
