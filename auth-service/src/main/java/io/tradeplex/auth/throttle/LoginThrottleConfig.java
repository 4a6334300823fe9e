package io.tradeplex.auth.throttle;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Login throttling: a few free failures, then a wait that doubles with each further failure. */
@ConfigMapping(prefix = "tradeplex.auth.login-throttle")
public interface LoginThrottleConfig {
    /** Failed attempts on one account before any wait is imposed. */
    @WithDefault("5")
    int accountFreeFailures();

    /** Failed attempts from one client address before any wait; higher, as many people can share one address. */
    @WithDefault("20")
    int addressFreeFailures();

    /** The wait after the last free failure; each further failure doubles it. */
    @WithDefault("PT1S")
    Duration baseDelay();

    /** The longest wait, so a locked-out owner gets another try within minutes, not days. */
    @WithDefault("PT15M")
    Duration maxDelay();

    /** A key with no attempt for this long starts over; longer than {@link #maxDelay()}, so waiting out the cap
     * does not also wipe the count. */
    @WithDefault("PT1H")
    Duration forgetAfter();
}
