package io.tradeplex.gateway.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Instant;

/** The machine's clocks, unless a test provides another {@link TimeSource}. */
@Singleton
public class SystemTime {

    @Produces
    @DefaultBean
    @Singleton
    TimeSource systemTime() {
        return new TimeSource() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public Instant now() {
                return Instant.now();
            }
        };
    }
}
