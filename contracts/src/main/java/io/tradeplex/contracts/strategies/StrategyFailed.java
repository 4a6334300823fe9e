package io.tradeplex.contracts.strategies;

import io.tradeplex.contracts.Event;

import java.time.Instant;
import java.util.UUID;

/**
 * The platform stopped a strategy that misbehaved; it stays FAILED until its user starts it again.
 *
 * @param code a stable code: {@code STRATEGY_ERROR} (it threw), {@code STRATEGY_TOO_SLOW} (a bar took longer than
 *             the budget), {@code STRATEGY_BACKLOG} (bars queued faster than it handled them)
 */
public record StrategyFailed(
        int schemaVersion,
        UUID userId,
        UUID strategyId,
        String code,
        String reason,
        Instant failedAt) implements Event {
    public static final String TYPE = "tradeplex.strategy.failed.v1";
    public static final int SCHEMA_VERSION = 1;

    @Override
    public String eventType() {
        return TYPE;
    }
}
