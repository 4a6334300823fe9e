package io.tradeplex.logging;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;

class SecretRedactingFilterTest {
    private static final String CANARY = "Canary-s3cr3t-7f1d";
    private static final String JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjMifQ.c2lnbmF0dXJlLXBhcnQ";

    @ParameterizedTest
    @ValueSource(strings = {
            "login {\"email\":\"a@b.io\",\"password\":\"" + CANARY + "\"}",
            "{\"apiSecret\" : \"" + CANARY + "\", \"label\":\"main\"}",
            "{'totpSecret': '" + CANARY + "'}",
            "password=" + CANARY + "&email=a@b.io",
            "BrokerAccount[apiKey=" + CANARY + ", label=main]",
            "api_key: " + CANARY,
            "access_token=" + CANARY,
            "refresh_token=" + CANARY + ";",
            "client_secret=" + CANARY,
            "signingKey=" + CANARY,
            "Authorization: Bearer " + CANARY,
            "Authorization: Basic " + CANARY,
            "Authorization: token kite-api-key:" + CANARY,
            "headers {Authorization=[token kite-api-key:" + CANARY + "], Accept=[json]}",
            "X-MBX-APIKEY: " + CANARY,
            "GET /api/v3/order?symbol=BTCUSDT&timestamp=1&signature=" + CANARY,
            "otpauth://totp/Tradeplex:a@b.io?secret=" + CANARY + "&issuer=Tradeplex",
            "-----BEGIN PRIVATE KEY-----\n" + CANARY + "\n-----END PRIVATE KEY-----",
    })
    void masksTheSecretInEveryShapeAndASecondPassChangesNothing(String message) {
        String clean = SecretRedactingFilter.redact(message);

        assertThat(clean).doesNotContain(CANARY).contains(SecretRedactingFilter.MASK);
        // the console and the file handler each run the filter on the same record
        assertThat(SecretRedactingFilter.redact(clean)).isEqualTo(clean);
    }

    @Test
    void masksABareJwt() {
        assertThat(SecretRedactingFilter.redact("rejected token " + JWT + " (expired)"))
                .isEqualTo("rejected token [REDACTED] (expired)");
    }

    @Test
    void keepsWhatIsNotASecret() {
        String message = "order 42 accepted for user 6f0c… tokensLeft=3 passwordChanged=true";

        assertThat(SecretRedactingFilter.redact(message)).isEqualTo(message);
    }

    @Test
    void masksTheKiteApiKeyWithItsAccessToken() {
        assertThat(SecretRedactingFilter.redact("Authorization: token kite-api-key:" + CANARY))
                .isEqualTo("Authorization: [REDACTED]");
        assertThat(SecretRedactingFilter.redact("sent token kite-api-key:" + CANARY + " to kite"))
                .isEqualTo("sent token [REDACTED] to kite");
    }

    @Test
    void keepsTheNameAndTheRestOfTheLine() {
        assertThat(SecretRedactingFilter.redact("connect apiKey=" + CANARY + " label=main"))
                .isEqualTo("connect apiKey=[REDACTED] label=main");
    }

    @Test
    void neutralisesLineBreaksSoNoLineCanBeForged() {
        String forged = "unknown symbol ABC\r\n08:00:00 INFO  [admin] granted";

        assertThat(SecretRedactingFilter.redact(forged))
                .doesNotContain("\n").doesNotContain("\r")
                .isEqualTo("unknown symbol ABC\\r\\n08:00:00 INFO  [admin] granted");
    }

    @Test
    void redactsParametersOfTheRecordNotOnlyItsPattern() {
        ExtLogRecord record = new ExtLogRecord(Level.INFO, "broker account %s with apiSecret=%s",
                ExtLogRecord.FormatStyle.PRINTF, SecretRedactingFilterTest.class.getName());
        record.setParameters(new Object[]{"main", CANARY});

        boolean loggable = new SecretRedactingFilter().isLoggable(record);

        assertThat(loggable).isTrue();
        assertThat(record.getFormattedMessage()).isEqualTo("broker account main with apiSecret=[REDACTED]");
    }

    @Test
    void redactsMessageFormatParameters() {
        ExtLogRecord record = new ExtLogRecord(Level.WARNING, "login failed for {0}, password={1}",
                ExtLogRecord.FormatStyle.MESSAGE_FORMAT, SecretRedactingFilterTest.class.getName());
        record.setParameters(new Object[]{"a@b.io", CANARY});

        new SecretRedactingFilter().isLoggable(record);

        assertThat(record.getFormattedMessage()).isEqualTo("login failed for a@b.io, password=[REDACTED]");
    }
}
