package io.tradeplex.auth.account;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How much Argon2 work may run at once. The Argon2 cost itself is fixed in {@link PasswordHasher}. */
@ConfigMapping(prefix = "tradeplex.auth.password-hashing")
public interface PasswordHashingConfig {
    /** Hashes computed at the same time; each holds 19 MiB, so this bounds the memory concurrent logins take. */
    @WithDefault("4")
    int maxConcurrent();

    /** How long a request waits for a hashing slot before it is answered 503. */
    @WithDefault("PT10S")
    Duration queueTimeout();
}
