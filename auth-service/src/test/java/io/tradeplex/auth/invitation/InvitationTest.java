package io.tradeplex.auth.invitation;

import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.tradeplex.auth.AuthApi;
import io.tradeplex.auth.Db;
import io.tradeplex.auth.Events;
import io.tradeplex.auth.InternalApi;
import io.tradeplex.auth.time.MutableClock;
import io.tradeplex.contracts.EventJson;
import io.tradeplex.contracts.auth.EmailVerified;
import io.tradeplex.contracts.auth.UserRegistered;
import io.tradeplex.testing.KafkaProbe;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class InvitationTest {
    private static final String CHOSEN = "a long passphrase of my own";

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
    void anImportedUserCannotLogInUntilTheyAcceptTheInvitationWhichVerifiesTheirAddressOnce() {
        String email = AuthApi.uniqueEmail();
        UUID userId = InternalApi.imported(email);
        String token = AuthApi.invitationToken(mailbox, email);
        assertThat(mailbox.getMailsSentTo(email).get(0).getText())
                .contains("http://localhost:8080/accept-invitation?token=" + token);

        // No password yet: any password is a wrong one, answered exactly as for a wrong password.
        AuthApi.login(email, CHOSEN).then().statusCode(401).body("code", equalTo("INVALID_CREDENTIALS"));

        AuthApi.acceptInvitation(token, CHOSEN).then().statusCode(204);

        String accessToken = AuthApi.login(email, CHOSEN).then().statusCode(200).extract().path("accessToken");
        assertThat(AuthApi.jwtPart(accessToken, 1).get("sub").asText()).isEqualTo(userId.toString());
        assertThat(AuthApi.jwtPart(accessToken, 1).get("email_verified").asBoolean()).isTrue();
        String hash = Db.first(Db.asUser(pool, userId, "select password_hash from accounts where id = $1", Tuple.of(userId)))
                .getString(0);
        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");

        AuthApi.acceptInvitation(token, "another long passphrase").then().statusCode(410)
                .contentType("application/problem+json")
                .body("code", equalTo("INVITATION_TOKEN_USED"))
                .body("errors.field", hasItem("token"));
        AuthApi.login(email, CHOSEN).then().statusCode(200);
        AuthApi.login(email, "another long passphrase").then().statusCode(401);

        List<KafkaProbe.Received> events = Events.authEvents(userId, 2);
        assertThat(events).extracting(KafkaProbe.Received::type).containsExactly(UserRegistered.TYPE, EmailVerified.TYPE);
        assertThat(EventJson.read(events.get(1).value(), EmailVerified.class).email()).isEqualTo(email);
        assertThat(events.get(1).value()).doesNotContain(token);
    }

    @Test
    void aWeakPasswordIsRefusedNamingItAndLeavesTheInvitationUsable() {
        String email = AuthApi.uniqueEmail();
        InternalApi.imported(email);
        String token = AuthApi.invitationToken(mailbox, email);

        AuthApi.acceptInvitation(token, "short").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("password"));
        AuthApi.acceptInvitation(token, "password1234567").then().statusCode(400)
                .body("code", equalTo("PASSWORD_TOO_COMMON"))
                .body("errors.field", hasItem("password"));
        AuthApi.acceptInvitation(token, null).then().statusCode(400).body("errors.field", hasItem("password"));

        AuthApi.acceptInvitation(token, CHOSEN).then().statusCode(204);
    }

    @Test
    void unknownForgedAndExpiredTokensAreRefusedNamingTheToken() {
        String email = AuthApi.uniqueEmail();
        UUID userId = InternalApi.imported(email);
        String token = AuthApi.invitationToken(mailbox, email);
        String verificationToken = "v1." + "A".repeat(32) + "." + "B".repeat(43);

        for (String bad : List.of("inv1_" + "x".repeat(43), "not-a-token", verificationToken,
                token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A"))) {
            AuthApi.acceptInvitation(bad, CHOSEN).then().statusCode(400).contentType("application/problem+json")
                    .body("code", equalTo("INVITATION_TOKEN_INVALID"))
                    .body("errors.field", hasItem("token"));
        }

        clock.advance(Duration.ofDays(7).plusSeconds(1));
        AuthApi.acceptInvitation(token, CHOSEN).then().statusCode(410)
                .body("code", equalTo("INVITATION_TOKEN_EXPIRED"))
                .body("errors.field", hasItem("token"));
        assertThat(Db.first(Db.asUser(pool, userId, "select password_hash is null, email_verified_at is null"
                + " from accounts where id = $1", Tuple.of(userId))).getBoolean(0)).isTrue();
    }
}
