package io.tradeplex.auth.session;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.tradeplex.auth.AuthApi;
import io.tradeplex.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class RefreshAndLogoutTest {

    @Test
    void refreshRotatesTheTokenAndTheOldOneStopsWorking() {
        String email = AuthApi.uniqueEmail();
        UUID userId = AuthApi.registered(email);
        Response login = AuthApi.login(email, AuthApi.PASSWORD);
        String firstRefresh = login.path("refreshToken");
        String sessionId = AuthApi.jwtPart(login.path("accessToken"), 1).get("sid").asText();

        Response refreshed = AuthApi.refresh(firstRefresh);
        refreshed.then().statusCode(200).header("Cache-Control", "no-store")
                .body("tokenType", equalTo("Bearer"))
                .body("expiresIn", equalTo(900));
        String secondRefresh = refreshed.path("refreshToken");
        assertThat(secondRefresh).isNotEqualTo(firstRefresh);
        var claims = AuthApi.jwtPart(refreshed.path("accessToken"), 1);
        assertThat(claims.get("sub").asText()).isEqualTo(userId.toString());
        assertThat(claims.get("sid").asText()).isEqualTo(sessionId);

        String thirdRefresh = AuthApi.refresh(secondRefresh).then().statusCode(200).extract().path("refreshToken");
        AuthApi.refresh(firstRefresh)
                .then().statusCode(401).contentType("application/problem+json")
                .body("code", equalTo("INVALID_REFRESH_TOKEN"));
        // Replaying a spent token ends the whole family (see RefreshTokenFamilyTest).
        AuthApi.refresh(thirdRefresh).then().statusCode(401);
    }

    @Test
    void garbageAndAccessTokensAreNotRefreshTokens() {
        AuthApi.refresh("x".repeat(43)).then().statusCode(401).body("code", equalTo("INVALID_REFRESH_TOKEN"));
        AuthApi.refresh("not even shaped like one").then().statusCode(401);
        AuthApi.refresh(TestTokens.trader(UUID.randomUUID())).then().statusCode(401);
    }

    @Test
    void logoutRevokesTheSessionsRefreshTokensAndOnlyThatSession() {
        String email = AuthApi.uniqueEmail();
        AuthApi.registered(email);
        Response phone = AuthApi.login(email, AuthApi.PASSWORD);
        Response laptop = AuthApi.login(email, AuthApi.PASSWORD);

        given().auth().oauth2(phone.path("accessToken")).post("/api/v1/auth/logout").then().statusCode(204);

        AuthApi.refresh(phone.path("refreshToken")).then().statusCode(401);
        AuthApi.refresh(laptop.path("refreshToken")).then().statusCode(200);
        // The ended session's access token is refused from now on, by logout too.
        given().auth().oauth2(phone.path("accessToken")).post("/api/v1/auth/logout")
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(laptop.path("accessToken")).post("/api/v1/auth/logout").then().statusCode(204);
    }

    @Test
    void anotherUsersTokenCannotEndMySession() {
        String email = AuthApi.uniqueEmail();
        AuthApi.registered(email);
        Response mine = AuthApi.login(email, AuthApi.PASSWORD);
        String otherEmail = AuthApi.uniqueEmail();
        AuthApi.registered(otherEmail);
        String otherToken = AuthApi.login(otherEmail, AuthApi.PASSWORD).path("accessToken");

        // The other user's token names their own session; nothing of mine is touched.
        given().auth().oauth2(otherToken).post("/api/v1/auth/logout").then().statusCode(204);
        AuthApi.refresh(mine.path("refreshToken")).then().statusCode(200);
    }

    @Test
    void logoutNeedsAValidBearerToken() {
        given().post("/api/v1/auth/logout")
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.expired(UUID.randomUUID())).post("/api/v1/auth/logout")
                .then().statusCode(401).contentType("application/problem+json");
        String email = AuthApi.uniqueEmail();
        AuthApi.registered(email);
        String refreshToken = AuthApi.login(email, AuthApi.PASSWORD).path("refreshToken");
        given().auth().oauth2(refreshToken).post("/api/v1/auth/logout")
                .then().statusCode(401).contentType("application/problem+json");
    }
}
