package io.tradeplex.auth.token;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Token and session lifetimes. */
@ConfigMapping(prefix = "tradeplex.auth.tokens")
public interface TokenConfig {
    /**
     * How long an access token is accepted. Ending a session does not shorten its tokens' lives: verifiers refuse
     * them through the session check here and the {@code SessionRevoked} list everywhere else.
     */
    @WithDefault("PT15M")
    Duration accessLifespan();

    /** Absolute lifetime of a login session: its refresh tokens stop working then, however often they rotated. */
    @WithDefault("PT24H")
    Duration sessionLifespan();

    /**
     * A session whose refresh token has not been used for this long is over. An open client refreshes at least every
     * access lifespan, so this measures how long a device may be away (asleep, closed) before its user logs in again:
     * 30 minutes is NIST SP 800-63B's inactivity limit for AAL2, the level a platform that moves money should meet.
     * Must be longer than {@link #accessLifespan()}, or active clients would be logged out.
     */
    @WithDefault("PT30M")
    Duration sessionIdleTimeout();
}
