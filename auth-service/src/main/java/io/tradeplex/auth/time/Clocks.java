package io.tradeplex.auth.time;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * The one source of "now" for everything time-bound here: token and session lifetimes, throttling back-off,
 * verification links and TOTP steps. Injected rather than read from {@code Instant.now()} so tests can move time
 * instead of sleeping.
 */
public class Clocks {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
