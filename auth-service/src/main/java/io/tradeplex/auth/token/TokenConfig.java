package io.tradeplex.auth.token;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Token lifetimes. */
@ConfigMapping(prefix = "tradeplex.auth.tokens")
public interface TokenConfig {
    /** How long an access token is accepted; logout does not shorten it (no revocation list yet). */
    @WithDefault("PT15M")
    Duration accessLifespan();

    /** Absolute lifetime of a login session: its refresh tokens stop working then, however often they rotated. */
    @WithDefault("PT24H")
    Duration sessionLifespan();
}
