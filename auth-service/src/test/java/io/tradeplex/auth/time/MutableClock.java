package io.tradeplex.auth.time;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Replaces the system clock in tests. It follows real time shifted by an offset, so tokens it stamps stay acceptable
 * to the JWT verifier (which reads the real clock); a test moves it forward, or freezes it at an instant for
 * step-exact TOTP checks, and {@link #reset()}s it afterwards.
 */
@Alternative
@Priority(1)
@Singleton
public class MutableClock extends Clock {
    private volatile Duration offset = Duration.ZERO;
    private volatile Instant frozenAt;

    public void advance(Duration by) {
        if (frozenAt != null) {
            frozenAt = frozenAt.plus(by);
        } else {
            offset = offset.plus(by);
        }
    }

    public void freezeAt(Instant instant) {
        frozenAt = instant;
    }

    public void reset() {
        frozenAt = null;
        offset = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        Instant frozen = frozenAt;
        return frozen != null ? frozen : Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("Tradeplex keeps time in UTC");
    }
}
