package io.tradeplex.contracts.strategies;

import io.tradeplex.contracts.Event;

import java.time.Instant;
import java.util.UUID;

/**
 * order-service refused a strategy's order (a pre-trade rule): the same code and reason as its
 * {@code OrderRejected}, told on the strategy's own topic so the user sees why their strategy did not trade.
 */
public record StrategySignalRejected(
        int schemaVersion,
        UUID userId,
        UUID strategyId,
        UUID orderId,
        String clientOrderId,
        String symbol,
        String rejectCode,
        String rejectReason,
        Instant rejectedAt) implements Event {
    public static final String TYPE = "tradeplex.strategy.signal-rejected.v1";
    public static final int SCHEMA_VERSION = 1;

    @Override
    public String eventType() {
        return TYPE;
    }
}
