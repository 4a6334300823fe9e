package io.tradeplex.contracts.strategies;

import io.tradeplex.contracts.Event;

import java.time.Instant;
import java.util.UUID;

/**
 * A strategy stopped: its user stopped it, or the platform did (the user was disabled or deleted).
 *
 * @param stoppedBy {@code user} or {@code system}
 */
public record StrategyStopped(
        int schemaVersion,
        UUID userId,
        UUID strategyId,
        String stoppedBy,
        String reason,
        Instant stoppedAt) implements Event {
    public static final String TYPE = "tradeplex.strategy.stopped.v1";
    public static final int SCHEMA_VERSION = 1;

    @Override
    public String eventType() {
        return TYPE;
    }
}
