package io.tradeplex.gateway;

import io.tradeplex.gateway.time.TimeSource;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The gateway's clock in tests: it stands still until a test moves it, so refills, open breakers and refresh throttles
 * happen exactly when a test says. Moving it only lets time pass, which no other test can be hurt by.
 */
@Singleton
public class ManualTime implements TimeSource {
    private final long startNanos = System.nanoTime();
    private final Instant startInstant = Instant.now();
    private final AtomicLong elapsedNanos = new AtomicLong();

    @Override
    public long nanoTime() {
        return startNanos + elapsedNanos.get();
    }

    @Override
    public Instant now() {
        return startInstant.plusNanos(elapsedNanos.get());
    }

    public void advance(Duration duration) {
        elapsedNanos.addAndGet(duration.toNanos());
    }
}
