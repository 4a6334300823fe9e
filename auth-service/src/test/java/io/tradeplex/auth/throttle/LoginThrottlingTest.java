package io.tradeplex.auth.throttle;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.tradeplex.auth.AuthApi;
import io.tradeplex.auth.Events;
import io.tradeplex.auth.time.MutableClock;
import io.tradeplex.contracts.audit.AuditEvent;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.equalTo;

/** Back-off is driven by the test clock: nothing here sleeps. */
@QuarkusTest
class LoginThrottlingTest {
    private static final String WRONG = "definitely not the password";

    @Inject
    MutableClock clock;
    @Inject
    MeterRegistry registry;

    @BeforeEach
    void stopTime() {
        clock.freezeAt(Instant.now());
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void afterFiveFreeFailuresEachFurtherOneDoublesTheWaitAndAThrottledGuessCostsNoHashing() {
        String email = AuthApi.uniqueEmail();
        AuthApi.registered(email);
        for (int i = 0; i < 5; i++) {
            AuthApi.login(email, WRONG).then().statusCode(401).body("code", equalTo("INVALID_CREDENTIALS"));
        }

        assertThrottled(AuthApi.login(email, WRONG), 1);
        double hashesBefore = hashes();
        // Even the right password is not checked while throttled: it would be a free guess, and CPU for the attacker.
        assertThrottled(AuthApi.login(email, AuthApi.PASSWORD), 1);
        assertThat(hashes()).isEqualTo(hashesBefore);

        clock.advance(Duration.ofSeconds(1));
        AuthApi.login(email, WRONG).then().statusCode(401);
        assertThrottled(AuthApi.login(email, WRONG), 2);
        clock.advance(Duration.ofSeconds(2));
        AuthApi.login(email, WRONG).then().statusCode(401);
        assertThrottled(AuthApi.login(email, WRONG), 4);

        clock.advance(Duration.ofSeconds(4));
        AuthApi.login(email, AuthApi.PASSWORD).then().statusCode(200);
        // The success wiped the account's count: five free failures again.
        for (int i = 0; i < 5; i++) {
            AuthApi.login(email, WRONG).then().statusCode(401);
        }
        assertThrottled(AuthApi.login(email, WRONG), 1);
    }

    @Test
    void theWaitDoublesUpTo15MinutesAndNoFurther() {
        String email = AuthApi.uniqueEmail();
        AuthApi.registered(email);
        List<Long> waits = new ArrayList<>();
        while (waits.size() < 12) {
            Response response = AuthApi.login(email, WRONG);
            if (response.statusCode() == 429) {
                long retryAfter = Long.parseLong(response.header("Retry-After"));
                waits.add(retryAfter);
                clock.advance(Duration.ofSeconds(retryAfter));
            } else {
                assertThat(response.statusCode()).isEqualTo(401);
            }
        }
        assertThat(waits).containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 64L, 128L, 256L, 512L, 900L, 900L);
    }

    @Test
    void oneClientAddressGetsTwentyFreeFailuresWhateverAccountsItTries() {
        String attacker = AuthApi.uniqueAddress();
        for (int i = 0; i < 20; i++) {
            AuthApi.loginFrom(attacker, AuthApi.uniqueEmail(), WRONG, null).then().statusCode(401);
        }
        String victim = AuthApi.uniqueEmail();
        AuthApi.registered(victim);

        double hashesBefore = hashes();
        assertThrottled(AuthApi.loginFrom(attacker, victim, AuthApi.PASSWORD, null), 1);
        assertThat(hashes()).isEqualTo(hashesBefore);
        // The account itself is not throttled: its owner, elsewhere, gets in.
        AuthApi.loginFrom(AuthApi.uniqueAddress(), victim, AuthApi.PASSWORD, null).then().statusCode(200);
    }

    @Test
    void anUnknownEmailIsThrottledExactlyLikeAKnownOne() {
        String known = AuthApi.uniqueEmail();
        AuthApi.registered(known);
        String unknown = AuthApi.uniqueEmail();
        for (int i = 0; i < 5; i++) {
            AuthApi.login(known, WRONG).then().statusCode(401);
            AuthApi.login(unknown, WRONG).then().statusCode(401);
        }
        String knownAnswer = AuthApi.from(AuthApi.uniqueAddress()).header("X-Request-Id", "same-request-id")
                .contentType("application/json").body(Map.of("email", known, "password", WRONG))
                .post("/api/v1/auth/login").then().statusCode(429).header("Retry-After", "1").extract().asString();
        String unknownAnswer = AuthApi.from(AuthApi.uniqueAddress()).header("X-Request-Id", "same-request-id")
                .contentType("application/json").body(Map.of("email", unknown, "password", WRONG))
                .post("/api/v1/auth/login").then().statusCode(429).header("Retry-After", "1").extract().asString();
        assertThat(unknownAnswer).isEqualTo(knownAnswer);
    }

    @Test
    void anHourWithoutAttemptsForgetsTheCount() {
        String email = AuthApi.uniqueEmail();
        AuthApi.registered(email);
        for (int i = 0; i < 5; i++) {
            AuthApi.login(email, WRONG).then().statusCode(401);
        }
        assertThrottled(AuthApi.login(email, WRONG), 1);

        clock.advance(Duration.ofHours(1).plusSeconds(1));
        for (int i = 0; i < 5; i++) {
            AuthApi.login(email, WRONG).then().statusCode(401);
        }
        assertThrottled(AuthApi.login(email, WRONG), 1);
    }

    @Test
    void everyFailureAndThrottledAttemptIsAuditedAndSoIsTheSuccess() {
        String email = AuthApi.uniqueEmail();
        UUID userId = AuthApi.registered(email);
        String address = AuthApi.uniqueAddress();
        for (int i = 0; i < 5; i++) {
            AuthApi.loginFrom(address, email, WRONG, null).then().statusCode(401);
        }
        assertThrottled(AuthApi.loginFrom(address, email, WRONG, null), 1);
        clock.advance(Duration.ofSeconds(1));
        AuthApi.loginFrom(address, email, AuthApi.PASSWORD, null).then().statusCode(200);

        List<AuditEvent> events = Events.audit(userId, event -> "auth.login".equals(event.action()), 7);
        assertThat(events).extracting(AuditEvent::outcome, AuditEvent::reason).containsExactly(
                tuple("FAILED", "BAD_CREDENTIALS"),
                tuple("FAILED", "BAD_CREDENTIALS"),
                tuple("FAILED", "BAD_CREDENTIALS"),
                tuple("FAILED", "BAD_CREDENTIALS"),
                tuple("FAILED", "BAD_CREDENTIALS"),
                tuple("DENIED", "THROTTLED"),
                tuple("ALLOWED", null));
        assertThat(events).allSatisfy(event -> {
            assertThat(event.userId()).isEqualTo(userId);
            assertThat(event.sourceIp()).isEqualTo(address);
        });
        assertThat(events.get(5).details()).containsEntry("retryAfterSeconds", "1");
        assertThat(events.get(6).actorId()).isEqualTo(userId);
        assertThat(events.get(6).details()).containsEntry("secondFactor", "none");
    }

    private static void assertThrottled(Response response, long retryAfterSeconds) {
        response.then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", Long.toString(retryAfterSeconds))
                .body("status", equalTo(429))
                .body("code", equalTo("TOO_MANY_ATTEMPTS"));
    }

    private double hashes() {
        return registry.get("tradeplex.auth.password.hashes").counter().count();
    }
}
