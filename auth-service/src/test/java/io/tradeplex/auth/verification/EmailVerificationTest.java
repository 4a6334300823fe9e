package io.tradeplex.auth.verification;

import io.tradeplex.auth.Db;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.tradeplex.auth.AuthApi;
import io.tradeplex.auth.Events;
import io.tradeplex.auth.time.MutableClock;
import io.tradeplex.contracts.EventJson;
import io.tradeplex.contracts.auth.EmailVerified;
import io.tradeplex.contracts.auth.SessionRevoked;
import io.tradeplex.contracts.auth.UserRegistered;
import io.tradeplex.testing.KafkaProbe;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class EmailVerificationTest {
    @Inject
    MockMailbox mailbox;
    @Inject
    MutableClock clock;
    @Inject
    Pool pool;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void signUpMailsALinkWhoseTokenVerifiesTheAddressOnceAndTheNextTokenSaysSo() {
        String email = AuthApi.uniqueEmail();
        UUID userId = AuthApi.registered(email);

        List<Mail> mails = mailbox.getMailsSentTo(email);
        assertThat(mails).hasSize(1);
        String token = AuthApi.verificationToken(mailbox, email);
        assertThat(mails.get(0).getText()).contains("http://localhost:8080/verify-email?token=" + token);
        String before = AuthApi.login(email, AuthApi.PASSWORD).then().statusCode(200).extract().path("accessToken");
        assertThat(AuthApi.jwtPart(before, 1).get("email_verified").asBoolean()).isFalse();

        verify(token).then().statusCode(200).contentType(ContentType.JSON)
                .body("userId", equalTo(userId.toString()))
                .body("emailVerified", equalTo(true));
        // A second click is harmless, and announces nothing new.
        verify(token).then().statusCode(200).body("emailVerified", equalTo(true));

        assertThat(verifiedAt(userId)).isTrue();
        String after = AuthApi.login(email, AuthApi.PASSWORD).then().statusCode(200).extract().path("accessToken");
        assertThat(AuthApi.jwtPart(after, 1).get("email_verified").asBoolean()).isTrue();

        // A later event of the same user closes the window: had the second click announced again, it would come first.
        given().auth().oauth2(after).post("/api/v1/auth/logout").then().statusCode(204);
        List<KafkaProbe.Received> events = Events.authEvents(userId, 3);
        assertThat(events).extracting(KafkaProbe.Received::type)
                .containsExactly(UserRegistered.TYPE, EmailVerified.TYPE, SessionRevoked.TYPE);
        EmailVerified event = EventJson.read(events.get(1).value(), EmailVerified.class);
        assertThat(event.userId()).isEqualTo(userId);
        assertThat(event.email()).isEqualTo(email);
        assertThat(events.get(1).value()).doesNotContain(token);
    }

    @Test
    void aTamperedOrForeignTokenIsRefusedNamingTheField() {
        String email = AuthApi.uniqueEmail();
        AuthApi.registered(email);
        String token = AuthApi.verificationToken(mailbox, email);
        String otherEmail = AuthApi.uniqueEmail();
        UUID otherUser = AuthApi.registered(otherEmail);
        String otherToken = AuthApi.verificationToken(mailbox, otherEmail);

        String flippedMac = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "AB" : "AA");
        // My user id and expiry with another user's signature.
        String spliced = token.substring(0, token.lastIndexOf('.')) + otherToken.substring(otherToken.lastIndexOf('.'));
        String accessToken = AuthApi.login(email, AuthApi.PASSWORD).path("accessToken");
        for (String bad : List.of(flippedMac, spliced, "not-a-token", accessToken)) {
            verify(bad).then().statusCode(400).contentType("application/problem+json")
                    .body("code", equalTo("VERIFICATION_TOKEN_INVALID"))
                    .body("errors.field", hasItem("token"));
        }
        assertThat(verifiedAt(otherUser)).isFalse();
    }

    @Test
    void aTokenExpiresAfter24Hours() {
        String email = AuthApi.uniqueEmail();
        UUID userId = AuthApi.registered(email);
        String token = AuthApi.verificationToken(mailbox, email);

        clock.advance(Duration.ofHours(24).plusSeconds(1));

        verify(token).then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("VERIFICATION_TOKEN_EXPIRED"))
                .body("errors.field", hasItem("token"));
        assertThat(verifiedAt(userId)).isFalse();
    }

    @Test
    void aVerificationTokenIsNoBearerToken() {
        String email = AuthApi.uniqueEmail();
        AuthApi.registered(email);
        String token = AuthApi.verificationToken(mailbox, email);
        given().auth().oauth2(token).post("/api/v1/auth/verify-email/resend")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void resendMailsANewLinkAtMostOncePerMinuteAndNotOnceVerified() {
        String email = AuthApi.uniqueEmail();
        AuthApi.registered(email);
        String accessToken = AuthApi.login(email, AuthApi.PASSWORD).path("accessToken");

        // The sign-up mail went out just now, so the first resend must wait.
        resend(accessToken).then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("code", equalTo("TOO_MANY_ATTEMPTS"));
        clock.advance(Duration.ofMinutes(1));
        resend(accessToken).then().statusCode(202);
        assertThat(mailbox.getMailsSentTo(email)).hasSize(2);
        resend(accessToken).then().statusCode(429);

        // Either link works; the newer one is used here.
        verify(AuthApi.verificationToken(mailbox, email)).then().statusCode(200);
        clock.advance(Duration.ofMinutes(1));
        resend(accessToken).then().statusCode(409).body("code", equalTo("EMAIL_ALREADY_VERIFIED"));
        assertThat(mailbox.getMailsSentTo(email)).hasSize(2);
    }

    @Test
    void resendNeedsABearerToken() {
        given().post("/api/v1/auth/verify-email/resend").then().statusCode(401).contentType("application/problem+json");
    }

    private static Response verify(String token) {
        return given().contentType(ContentType.JSON).body(Map.of("token", token)).post("/api/v1/auth/verify-email");
    }

    private static Response resend(String accessToken) {
        return given().auth().oauth2(accessToken).post("/api/v1/auth/verify-email/resend");
    }

    private boolean verifiedAt(UUID userId) {
        return Db.asUser(pool, userId, "select email_verified_at is not null from accounts where id = $1", Tuple.of(userId))
                .iterator().next().getBoolean(0);
    }
}
