package io.tradeplex.contracts.strategies;

import io.tradeplex.contracts.Event;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A user started one of their strategies; it reacts to the closed bars of its symbols from now on.
 *
 * @param interval the bar interval it runs on, e.g. {@code 1m}
 */
public record StrategyStarted(
        int schemaVersion,
        UUID userId,
        UUID strategyId,
        String template,
        UUID accountId,
        List<String> symbols,
        String interval,
        Instant startedAt) implements Event {
    public static final String TYPE = "tradeplex.strategy.started.v1";
    public static final int SCHEMA_VERSION = 1;

    public StrategyStarted {
        symbols = symbols == null ? List.of() : List.copyOf(symbols);
    }

    @Override
    public String eventType() {
        return TYPE;
    }
}
