package io.tradeplex.auth;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.tradeplex.auth.time.MutableClock;
import io.tradeplex.testing.KafkaProbe;
import io.tradeplex.testing.TestLog;
import jakarta.inject.Inject;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * CWE-532: plants canary secrets through every flow that handles one (sign-up, verification, login, wrong login,
 * refresh and its replay, TOTP enrolment and its otpauth URI, codes, recovery codes, logout) and then looks for them in
 * everything handed to a logger meanwhile, in what the real log pipeline wrote ({@link TestLog}: the file handler with
 * its redact-secrets filter, at DEBUG) and in every event published for the user.
 */
@QuarkusTest
class SecretsStayOutOfLogsAndEventsTest {
    private static final DefaultCodeGenerator AUTHENTICATOR = new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6);

    @Inject
    MockMailbox mailbox;
    @Inject
    MutableClock clock;

    private final Queue<String> logged = new ConcurrentLinkedQueue<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            StringBuilder line = new StringBuilder(record.getLoggerName()).append(' ');
            line.append(record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage());
            if (record.getParameters() != null) {
                for (Object parameter : record.getParameters()) {
                    line.append(' ').append(parameter);
                }
            }
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                line.append(' ').append(trace);
            }
            logged.add(line.toString());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureLogs() {
        capture.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(capture);
        clock.freezeAt(Instant.now());
    }

    @AfterEach
    void release() {
        Logger.getLogger("").removeHandler(capture);
        clock.reset();
    }

    @Test
    void canaryPasswordsCodesAndTokensAppearInNoLogLineAndNoEvent() throws Exception {
        String password = canary("canary-password-");
        String wrongPassword = canary("canary-wrong-password-");
        String email = AuthApi.uniqueEmail();
        List<String> secrets = new ArrayList<>(List.of(password, wrongPassword));
        List<String> codes = new ArrayList<>();

        UUID userId = UUID.fromString(AuthApi.register(email, password).then().statusCode(201).extract().path("userId"));
        String verificationToken = AuthApi.verificationToken(mailbox, email);
        secrets.add(verificationToken);
        given().contentType(ContentType.JSON).body(Map.of("token", verificationToken)).post("/api/v1/auth/verify-email")
                .then().statusCode(200);

        Response first = AuthApi.login(email, password);
        first.then().statusCode(200);
        AuthApi.login(email, wrongPassword).then().statusCode(401);
        AuthApi.login(AuthApi.uniqueEmail(), password).then().statusCode(401);
        Response refreshed = AuthApi.refresh(first.path("refreshToken"));
        refreshed.then().statusCode(200);
        secrets.addAll(tokens(first, refreshed));

        String accessToken = refreshed.path("accessToken");
        Response enrolment = given().auth().oauth2(accessToken).post("/api/v1/me/totp");
        enrolment.then().statusCode(200);
        String totpSecret = enrolment.path("secret");
        secrets.add(totpSecret);
        secrets.add(enrolment.path("otpauthUri"));
        String enrolmentCode = codeAt(totpSecret, clock.instant());
        codes.add(enrolmentCode);
        List<String> recoveryCodes = given().auth().oauth2(accessToken).contentType(ContentType.JSON)
                .body(Map.of("code", enrolmentCode)).post("/api/v1/me/totp/confirm")
                .then().statusCode(200).extract().path("recoveryCodes");
        secrets.addAll(recoveryCodes);

        clock.advance(Duration.ofSeconds(30));
        String totpCode = codeAt(totpSecret, clock.instant());
        codes.add(totpCode);
        Response withCode = AuthApi.login(email, password, totpCode);
        withCode.then().statusCode(200);
        AuthApi.login(email, password, totpCode).then().statusCode(401);
        Response withRecoveryCode = AuthApi.login(email, password, recoveryCodes.get(0));
        withRecoveryCode.then().statusCode(200);
        secrets.addAll(tokens(withCode, withRecoveryCode));
        // Replaying the first refresh token revokes that family; then the last session logs out.
        AuthApi.refresh(first.path("refreshToken")).then().statusCode(401);
        given().auth().oauth2(withRecoveryCode.<String>path("accessToken")).post("/api/v1/auth/logout").then().statusCode(204);

        // registered, email verified, two sessions revoked; logins allowed x3, failed x2 (password, reused code),
        // TOTP enabled, refresh-token reuse denied.
        List<KafkaProbe.Received> events = Events.everything(userId, 4, 7);

        assertThat(logged).as("captured log lines").isNotEmpty();
        // The sign-in with a TOTP code is a request whose lines the file must have (a control inside proves it is read).
        TestLog.assertRequestLoggedWithout(withCode.header("X-Request-Id"), secrets.toArray(String[]::new));
        for (String secret : secrets) {
            assertThat(logged).as("log lines").noneMatch(line -> line.contains(secret));
            assertThat(events).as("events").noneMatch(event -> event.value().contains(secret));
        }
        for (String code : codes) {
            // Six digits could occur by chance inside a number or an id, so only a standalone occurrence counts.
            Pattern standalone = Pattern.compile("(?<![0-9A-Za-z])" + code + "(?![0-9A-Za-z])");
            assertThat(logged).as("log lines").noneMatch(line -> standalone.matcher(line).find());
            assertThat(events).as("events").noneMatch(event -> standalone.matcher(event.value()).find());
        }
    }

    private static List<String> tokens(Response... logins) {
        List<String> tokens = new ArrayList<>();
        for (Response login : logins) {
            tokens.add(login.path("accessToken"));
            tokens.add(login.path("refreshToken"));
        }
        return tokens;
    }

    private static String canary(String prefix) {
        byte[] random = new byte[8];
        new SecureRandom().nextBytes(random);
        return prefix + HexFormat.of().formatHex(random);
    }

    private static String codeAt(String secret, Instant at) throws Exception {
        return AUTHENTICATOR.generate(secret, Math.floorDiv(at.getEpochSecond(), 30));
    }
}
