package io.tradeplex.strategy.market.bars;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/** The bar lengths the platform aggregates, serves and backtests on; names as Binance spells them. */
public enum BarInterval {
    M1("1m", Duration.ofMinutes(1)),
    M5("5m", Duration.ofMinutes(5)),
    M15("15m", Duration.ofMinutes(15)),
    H1("1h", Duration.ofHours(1)),
    D1("1d", Duration.ofDays(1));

    private final String label;
    private final Duration duration;

    BarInterval(String label, Duration duration) {
        this.label = label;
        this.duration = duration;
    }

    public String label() {
        return label;
    }

    public Duration duration() {
        return duration;
    }

    /** The start of the interval that contains {@code time}. */
    public Instant openTimeOf(Instant time) {
        long millis = duration.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(time.toEpochMilli(), millis) * millis);
    }

    public static Optional<BarInterval> ofLabel(String label) {
        return Arrays.stream(values()).filter(interval -> interval.label.equals(label)).findFirst();
    }
}
