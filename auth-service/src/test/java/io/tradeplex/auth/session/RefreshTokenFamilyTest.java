package io.tradeplex.auth.session;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.tradeplex.auth.AuthApi;
import io.tradeplex.auth.Events;
import io.tradeplex.contracts.EventJson;
import io.tradeplex.contracts.audit.AuditEvent;
import io.tradeplex.contracts.auth.SessionRevoked;
import io.tradeplex.testing.KafkaProbe;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class RefreshTokenFamilyTest {

    @Test
    void replayingASpentRefreshTokenRevokesTheWholeFamilyAndAnnouncesIt() {
        String email = AuthApi.uniqueEmail();
        UUID userId = AuthApi.registered(email);
        Response login = AuthApi.login(email, AuthApi.PASSWORD);
        String stolen = login.path("refreshToken");
        UUID sessionId = UUID.fromString(AuthApi.jwtPart(login.path("accessToken"), 1).get("sid").asText());
        // The owner keeps refreshing; the thief replays the token they copied.
        Response owner = AuthApi.refresh(stolen);
        owner.then().statusCode(200);
        Response ownerAgain = AuthApi.refresh(owner.path("refreshToken"));
        ownerAgain.then().statusCode(200);
        Instant lastIssued = Instant.ofEpochSecond(AuthApi.jwtPart(ownerAgain.path("accessToken"), 1).get("iat").asLong());

        AuthApi.refresh(stolen).then().statusCode(401).body("code", equalTo("INVALID_REFRESH_TOKEN"));

        // Every token of the family is dead now, the owner's newest included, and so are its access tokens.
        AuthApi.refresh(ownerAgain.path("refreshToken")).then().statusCode(401);
        given().auth().oauth2(ownerAgain.path("accessToken")).get("/api/v1/me/sessions")
                .then().statusCode(401).contentType("application/problem+json").body("code", equalTo("SESSION_REVOKED"));

        List<KafkaProbe.Received> revoked = Events.auth(userId, SessionRevoked.TYPE, 1);
        SessionRevoked event = EventJson.read(revoked.get(0).value(), SessionRevoked.class);
        assertThat(event.sessionId()).isEqualTo(sessionId);
        assertThat(event.userId()).isEqualTo(userId);
        assertThat(event.reason()).isEqualTo("refresh-token-reuse");
        // The newest access token expires 15 minutes after the last refresh; verifiers allow 30 s of skew on top.
        assertThat(event.notAfter()).isBetween(lastIssued.plus(Duration.ofMinutes(15)).plusSeconds(30),
                lastIssued.plus(Duration.ofMinutes(15)).plusSeconds(31));

        List<AuditEvent> audit = Events.audit(userId, e -> "auth.refresh".equals(e.action()), 1);
        assertThat(audit.get(0).outcome()).isEqualTo("DENIED");
        assertThat(audit.get(0).reason()).isEqualTo("REFRESH_TOKEN_REUSE");
    }

    @Test
    void reuseEndsOnlyThatFamilyNotTheUsersOtherSessions() {
        String email = AuthApi.uniqueEmail();
        AuthApi.registered(email);
        Response phone = AuthApi.login(email, AuthApi.PASSWORD);
        Response laptop = AuthApi.login(email, AuthApi.PASSWORD);
        String spent = phone.path("refreshToken");
        AuthApi.refresh(spent).then().statusCode(200);

        AuthApi.refresh(spent).then().statusCode(401);

        AuthApi.refresh(laptop.path("refreshToken")).then().statusCode(200);
    }

    @Test
    void logoutAnnouncesTheRevocationAndItsAccessTokenIsRefusedAtOnce() {
        String email = AuthApi.uniqueEmail();
        UUID userId = AuthApi.registered(email);
        Response login = AuthApi.login(email, AuthApi.PASSWORD);
        String accessToken = login.path("accessToken");
        given().auth().oauth2(accessToken).get("/api/v1/me/sessions").then().statusCode(200);

        given().auth().oauth2(accessToken).post("/api/v1/auth/logout").then().statusCode(204);

        // No waiting for Kafka: the session table answers right away (the kit's list may answer too, later).
        given().auth().oauth2(accessToken).get("/api/v1/me/sessions")
                .then().statusCode(401).body("code", equalTo("SESSION_REVOKED"));
        SessionRevoked event = EventJson.read(Events.auth(userId, SessionRevoked.TYPE, 1).get(0).value(), SessionRevoked.class);
        assertThat(event.reason()).isEqualTo("logout");
        assertThat(event.sessionId().toString()).isEqualTo(AuthApi.jwtPart(accessToken, 1).get("sid").asText());
    }
}
