package io.tradeplex.user.killswitch;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Set;

/** Who besides users and administrators may set a user's kill switch. */
@ConfigMapping(prefix = "tradeplex.kill-switch")
public interface KillSwitchConfig {
    /**
     * Services (the signed {@code X-Tradeplex-Caller}) allowed to set a user's kill switch as the platform
     * ({@code triggeredBy = system}): order-service, after repeated broker errors.
     */
    @WithDefault("order-service")
    Set<String> systemCallers();
}
