package io.tradeplex.auth.verification;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Email verification links. */
@ConfigMapping(prefix = "tradeplex.auth.email-verification")
public interface EmailVerificationConfig {
    /**
     * HMAC-SHA256 key that signs verification tokens ({@code TRADEPLEX_AUTH_EMAIL_VERIFICATION_SECRET}), at least 32
     * characters, the same on every instance. Unset, a key is derived from the JWT signing key, which every instance
     * shares too; links then stop working when that key is rotated.
     */
    Optional<String> secret();

    /** How long a mailed link works. */
    @WithDefault("PT24H")
    Duration tokenLifespan();

    /** The web client's page that posts the token back; {@code ?token=…} is appended. */
    @WithDefault("http://localhost:8080/verify-email")
    String linkBase();

    /** The least time between two mails to one account, so the resend endpoint cannot be used to flood a mailbox. */
    @WithDefault("PT1M")
    Duration resendCooldown();
}
