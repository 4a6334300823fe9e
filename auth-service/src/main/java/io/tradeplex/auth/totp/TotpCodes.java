package io.tradeplex.auth.totp;

import dev.samstevens.totp.code.CodeGenerator;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.recovery.RecoveryCodeGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import dev.samstevens.totp.secret.SecretGenerator;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * RFC 6238 as every authenticator app speaks it: HMAC-SHA1, 30-second steps, 6 digits, 160-bit secrets. A code is
 * accepted for the current step or one step either side, to allow for clock drift and typing time. The caller gets
 * the matching step back, so it can refuse a second use of that step.
 */
@Singleton
public class TotpCodes {
    public static final int PERIOD_SECONDS = 30;
    public static final int DIGITS = 6;
    static final int ALLOWED_DRIFT_STEPS = 1;
    static final int RECOVERY_CODE_COUNT = 10;
    private static final int SECRET_BASE32_CHARS = 32;
    private static final Pattern CODE = Pattern.compile("\\d{" + DIGITS + "}");

    private final CodeGenerator generator = new DefaultCodeGenerator(HashingAlgorithm.SHA1, DIGITS);
    private final SecretGenerator secrets = new DefaultSecretGenerator(SECRET_BASE32_CHARS);
    private final RecoveryCodeGenerator recoveryCodes = new RecoveryCodeGenerator();

    public String newSecret() {
        return secrets.generate();
    }

    public List<String> newRecoveryCodes() {
        return List.of(recoveryCodes.generateCodes(RECOVERY_CODE_COUNT));
    }

    /** The {@code otpauth://totp/…} URI that authenticator apps import, usually shown as a QR code. */
    public String otpauthUri(String secret, String issuer, String accountName) {
        return new QrData.Builder()
                .label(accountName)
                .secret(secret)
                .issuer(issuer)
                .algorithm(HashingAlgorithm.SHA1)
                .digits(DIGITS)
                .period(PERIOD_SECONDS)
                .build()
                .getUri();
    }

    public static boolean looksLikeCode(String input) {
        return input != null && CODE.matcher(input).matches();
    }

    public static long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), PERIOD_SECONDS);
    }

    /** @return the step within ±{@value #ALLOWED_DRIFT_STEPS} of {@code now} whose code this is, if any */
    public OptionalLong matchingStep(String secret, String code, Instant now) {
        if (!looksLikeCode(code)) {
            return OptionalLong.empty();
        }
        byte[] typed = code.getBytes(StandardCharsets.US_ASCII);
        long current = step(now);
        OptionalLong match = OptionalLong.empty();
        // Every candidate is computed and compared in constant time, so timing does not reveal which step matched.
        for (long step = current - ALLOWED_DRIFT_STEPS; step <= current + ALLOWED_DRIFT_STEPS; step++) {
            if (MessageDigest.isEqual(typed, codeAt(secret, step).getBytes(StandardCharsets.US_ASCII)) && match.isEmpty()) {
                match = OptionalLong.of(step);
            }
        }
        return match;
    }

    private String codeAt(String secret, long step) {
        try {
            return generator.generate(secret, step);
        } catch (CodeGenerationException e) {
            throw new IllegalStateException("Cannot compute a TOTP code", e);
        }
    }
}
