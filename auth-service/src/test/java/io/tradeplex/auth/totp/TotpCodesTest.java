package io.tradeplex.auth.totp;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** RFC 6238 Appendix B, SHA-1 rows: the library's generator at fixed times, and our ±1-step matching around them. */
class TotpCodesTest {
    /** The RFC's SHA-1 seed, the ASCII string "12345678901234567890", in the base32 form authenticator apps use. */
    private static final String RFC_SECRET = new Base32().encodeToString("12345678901234567890".getBytes(StandardCharsets.US_ASCII));
    private static final Map<Long, String> RFC_SHA1_VECTORS = Map.of(
            59L, "94287082",
            1111111109L, "07081804",
            1111111111L, "14050471",
            1234567890L, "89005924",
            2000000000L, "69279037",
            20000000000L, "65353130");

    private final TotpCodes codes = new TotpCodes();

    @Test
    void theLibraryGeneratorReproducesTheRfcVectors() throws Exception {
        DefaultCodeGenerator eightDigits = new DefaultCodeGenerator(HashingAlgorithm.SHA1, 8);
        RFC_SHA1_VECTORS.forEach((time, expected) -> {
            try {
                assertThat(eightDigits.generate(RFC_SECRET, time / TotpCodes.PERIOD_SECONDS)).as("T=%d", time).isEqualTo(expected);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void theSixDigitCodesOfTheRfcVectorsMatchAtTheirTime() {
        // A 6-digit code is the 8-digit value modulo 10^6: the same dynamic truncation, fewer digits.
        RFC_SHA1_VECTORS.forEach((time, expected) -> {
            String sixDigits = expected.substring(2);
            Instant at = Instant.ofEpochSecond(time);
            assertThat(codes.matchingStep(RFC_SECRET, sixDigits, at)).as("T=%d", time).hasValue(time / 30);
        });
    }

    @Test
    void oneStepOfDriftEitherWayIsAcceptedTwoAreNot() {
        Instant at = Instant.ofEpochSecond(1111111111L);
        String code = "050471";
        long step = 1111111111L / 30;
        assertThat(codes.matchingStep(RFC_SECRET, code, at.plusSeconds(30))).hasValue(step);
        assertThat(codes.matchingStep(RFC_SECRET, code, at.minusSeconds(30))).hasValue(step);
        assertThat(codes.matchingStep(RFC_SECRET, code, at.plusSeconds(60))).isEmpty();
        assertThat(codes.matchingStep(RFC_SECRET, code, at.minusSeconds(60))).isEmpty();
    }

    @Test
    void anythingButSixDigitsIsNoCode() {
        Instant at = Instant.ofEpochSecond(59);
        assertThat(codes.matchingStep(RFC_SECRET, "94287082", at)).isEmpty();
        assertThat(codes.matchingStep(RFC_SECRET, "28708", at)).isEmpty();
        assertThat(codes.matchingStep(RFC_SECRET, "28708x", at)).isEmpty();
    }

    @Test
    void secretsAre160BitsAndUrisAreWhatAuthenticatorAppsImport() {
        String secret = codes.newSecret();
        assertThat(new Base32().decode(secret)).hasSize(20);
        assertThat(codes.otpauthUri(secret, "Tradeplex", "ana@example.com"))
                .startsWith("otpauth://totp/")
                .contains("secret=" + secret, "issuer=Tradeplex", "digits=6", "period=30", "algorithm=SHA1");
    }

    @Test
    void tenDistinctRecoveryCodesOfAbout82Bits() {
        assertThat(codes.newRecoveryCodes()).hasSize(10).doesNotHaveDuplicates()
                .allSatisfy(code -> assertThat(RecoveryCodes.normalise(code)).matches("[a-z0-9]{16}"));
    }
}
