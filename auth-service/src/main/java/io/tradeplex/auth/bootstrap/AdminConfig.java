package io.tradeplex.auth.bootstrap;

import io.smallrye.config.ConfigMapping;

import java.util.Optional;

/** The first administrator, from {@code TRADEPLEX_ADMIN_EMAIL} / {@code TRADEPLEX_ADMIN_PASSWORD}. */
@ConfigMapping(prefix = "tradeplex.admin")
public interface AdminConfig {
    /** Email of the admin account to create at start if no account has it; unset means no bootstrap admin. */
    Optional<String> email();

    /** Its initial password; must satisfy the sign-up password policy. */
    Optional<String> password();
}
