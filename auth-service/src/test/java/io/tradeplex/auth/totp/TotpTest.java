package io.tradeplex.auth.totp;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** TOTP with the test clock frozen, so every code is computed for an exact RFC 6238 step. */
@QuarkusTest
class TotpTest {
    private static final DefaultCodeGenerator AUTHENTICATOR = new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6);

    @Inject
    MutableClock clock;

    private record Enrolled(UUID userId, String email, String secret, String accessToken, List<String> recoveryCodes) {
    }

    @BeforeEach
    void stopTime() {
        clock.freezeAt(Instant.now());
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void enrolmentIsPendingUntilConfirmedWithACurrentCode() {
        String email = AuthApi.uniqueEmail();
        UUID userId = AuthApi.registered(email);
        String accessToken = AuthApi.login(email, AuthApi.PASSWORD).path("accessToken");

        Response enrolment = given().auth().oauth2(accessToken).post("/api/v1/me/totp");
        enrolment.then().statusCode(200).contentType(ContentType.JSON).header("Cache-Control", "no-store");
        String secret = enrolment.path("secret");
        assertThat(secret).matches("[A-Z2-7]{32}");
        assertThat(enrolment.<String>path("otpauthUri")).startsWith("otpauth://totp/").contains("secret=" + secret, "issuer=Tradeplex");
        // Pending: not required yet.
        AuthApi.login(email, AuthApi.PASSWORD).then().statusCode(200);

        confirm(accessToken, wrongCode(secret)).then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("TOTP_CODE_INVALID"))
                .body("errors.field", hasItem("code"));
        Response confirmed = confirm(accessToken, codeAt(secret, clock.instant()));
        confirmed.then().statusCode(200).header("Cache-Control", "no-store");
        assertThat(confirmed.<List<String>>path("recoveryCodes")).hasSize(10)
                .allSatisfy(code -> assertThat(code).matches("[a-z0-9]{4}(-[a-z0-9]{4}){3}"));

        given().auth().oauth2(accessToken).post("/api/v1/me/totp").then().statusCode(409).body("code", equalTo("TOTP_ALREADY_ENABLED"));
        AuthApi.login(email, AuthApi.PASSWORD).then().statusCode(401).body("code", equalTo("TOTP_REQUIRED"));
        assertThat(Events.audit(userId, e -> "auth.totp.enable".equals(e.action()), 1))
                .extracting(AuditEvent::outcome).containsExactly("ALLOWED");
    }

    @Test
    void loginThenNeedsACodeAndEachStepsCodeWorksOnce() {
        Enrolled user = enrolled();
        String now = codeAt(user.secret(), clock.instant());

        AuthApi.login(user.email(), AuthApi.PASSWORD).then().statusCode(401).contentType("application/problem+json")
                .body("code", equalTo("TOTP_REQUIRED"));
        // The code that confirmed the enrolment is spent.
        AuthApi.login(user.email(), AuthApi.PASSWORD, now).then().statusCode(401).body("code", equalTo("TOTP_INVALID"));

        clock.advance(Duration.ofSeconds(30));
        String next = codeAt(user.secret(), clock.instant());
        AuthApi.login(user.email(), AuthApi.PASSWORD, next).then().statusCode(200);
        AuthApi.login(user.email(), AuthApi.PASSWORD, next).then().statusCode(401).body("code", equalTo("TOTP_INVALID"));

        // One step of drift ahead is fine; afterwards the (older) current step is spent too.
        String ahead = codeAt(user.secret(), clock.instant().plusSeconds(30));
        AuthApi.login(user.email(), AuthApi.PASSWORD, ahead).then().statusCode(200);
        clock.advance(Duration.ofSeconds(60));
        String behind = codeAt(user.secret(), clock.instant().minusSeconds(30));
        AuthApi.login(user.email(), AuthApi.PASSWORD, behind).then().statusCode(401);
        clock.advance(Duration.ofSeconds(30));
        String current = codeAt(user.secret(), clock.instant());
        Response login = AuthApi.login(user.email(), AuthApi.PASSWORD, current);
        login.then().statusCode(200);
        assertThat(AuthApi.jwtPart(login.path("accessToken"), 1).get("sub").asText()).isEqualTo(user.userId().toString());

        assertThat(Events.audit(user.userId(), e -> "auth.login".equals(e.action()) && "ALLOWED".equals(e.outcome()), 4))
                .extracting(event -> event.details().get("secondFactor"))
                .containsExactly("none", "totp", "totp", "totp");
    }

    @Test
    void aRecoveryCodeWorksOnceInPlaceOfACode() {
        Enrolled user = enrolled();
        String typedInCapitals = user.recoveryCodes().get(0).toUpperCase(Locale.ROOT);
        AuthApi.login(user.email(), AuthApi.PASSWORD, typedInCapitals).then().statusCode(200);
        AuthApi.login(user.email(), AuthApi.PASSWORD, typedInCapitals).then().statusCode(401).body("code", equalTo("TOTP_INVALID"));
        String withoutDashes = user.recoveryCodes().get(1).replace("-", "");
        AuthApi.login(user.email(), AuthApi.PASSWORD, withoutDashes).then().statusCode(200);
    }

    @Test
    void wrongCodesCountTowardsTheThrottleMissingOnesDoNot() {
        Enrolled user = enrolled();
        for (int i = 0; i < 8; i++) {
            AuthApi.login(user.email(), AuthApi.PASSWORD).then().statusCode(401).body("code", equalTo("TOTP_REQUIRED"));
        }
        String wrong = wrongCode(user.secret());
        for (int i = 0; i < 5; i++) {
            AuthApi.login(user.email(), AuthApi.PASSWORD, wrong).then().statusCode(401).body("code", equalTo("TOTP_INVALID"));
        }
        // Throttled even with a good (unspent, one step ahead) code: the guess is refused before anything is checked.
        AuthApi.login(user.email(), AuthApi.PASSWORD, codeAt(user.secret(), clock.instant().plusSeconds(30)))
                .then().statusCode(429).header("Retry-After", "1").body("code", equalTo("TOO_MANY_ATTEMPTS"));
        assertThat(Events.audit(user.userId(), e -> "BAD_TOTP".equals(e.reason()), 5)).hasSize(5);
    }

    @Test
    void aWrongPasswordSaysNothingAboutTheSecondFactor() {
        Enrolled user = enrolled();
        clock.advance(Duration.ofSeconds(30));
        AuthApi.login(user.email(), "not the password at all", codeAt(user.secret(), clock.instant()))
                .then().statusCode(401).body("code", equalTo("INVALID_CREDENTIALS"));
        AuthApi.login(user.email(), "not the password at all")
                .then().statusCode(401).body("code", equalTo("INVALID_CREDENTIALS"));
    }

    @Test
    void disablingNeedsACurrentCodeOrARecoveryCode() {
        Enrolled user = enrolled();
        clock.advance(Duration.ofSeconds(30));
        disable(user.accessToken(), wrongCode(user.secret())).then().statusCode(400)
                .body("code", equalTo("TOTP_CODE_INVALID")).body("errors.field", hasItem("code"));
        disable(user.accessToken(), codeAt(user.secret(), clock.instant())).then().statusCode(204);

        AuthApi.login(user.email(), AuthApi.PASSWORD).then().statusCode(200);
        disable(user.accessToken(), user.recoveryCodes().get(0)).then().statusCode(409).body("code", equalTo("TOTP_NOT_ENABLED"));
        // The recovery codes went with it.
        String fresh = given().auth().oauth2(user.accessToken()).post("/api/v1/me/totp").then().statusCode(200).extract().path("secret");
        assertThat(fresh).isNotEqualTo(user.secret());
    }

    @Test
    void aRecoveryCodeCanDisableToo() {
        Enrolled user = enrolled();
        disable(user.accessToken(), user.recoveryCodes().get(3)).then().statusCode(204);
        AuthApi.login(user.email(), AuthApi.PASSWORD).then().statusCode(200);
    }

    @Test
    void totpRoutesNeedABearerToken() {
        given().post("/api/v1/me/totp").then().statusCode(401).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("code", "123456")).post("/api/v1/me/totp/confirm").then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("code", "123456")).delete("/api/v1/me/totp").then().statusCode(401);
    }

    private Enrolled enrolled() {
        String email = AuthApi.uniqueEmail();
        UUID userId = AuthApi.registered(email);
        String accessToken = AuthApi.login(email, AuthApi.PASSWORD).path("accessToken");
        String secret = given().auth().oauth2(accessToken).post("/api/v1/me/totp").then().statusCode(200).extract().path("secret");
        List<String> recoveryCodes = confirm(accessToken, codeAt(secret, clock.instant()))
                .then().statusCode(200).extract().path("recoveryCodes");
        return new Enrolled(userId, email, secret, accessToken, recoveryCodes);
    }

    private static Response confirm(String accessToken, String code) {
        return given().auth().oauth2(accessToken).contentType(ContentType.JSON).body(Map.of("code", code))
                .post("/api/v1/me/totp/confirm");
    }

    private static Response disable(String accessToken, String code) {
        return given().auth().oauth2(accessToken).contentType(ContentType.JSON).body(Map.of("code", code))
                .delete("/api/v1/me/totp");
    }

    /** What an authenticator app shows at {@code at}. */
    static String codeAt(String secret, Instant at) {
        try {
            return AUTHENTICATOR.generate(secret, Math.floorDiv(at.getEpochSecond(), TotpCodes.PERIOD_SECONDS));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Six digits that are no valid code around now. */
    private String wrongCode(String secret) {
        Instant now = clock.instant();
        Set<String> valid = Set.of(codeAt(secret, now.minusSeconds(30)), codeAt(secret, now), codeAt(secret, now.plusSeconds(30)));
        for (int candidate = 0; ; candidate++) {
            String code = String.format("%06d", candidate);
            if (!valid.contains(code)) {
                return code;
            }
        }
    }
}
