package io.tradeplex.contracts.portfolio;

import io.tradeplex.contracts.Event;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A position after a fill was applied. Quantity is signed: negative is short; zero means the position closed.
 *
 * @param causeEventId the {@code ce_id} of the fill that changed it
 */
public record PositionChanged(
        int schemaVersion,
        UUID userId,
        UUID accountId,
        String symbol,
        BigDecimal quantity,
        BigDecimal avgPrice,
        BigDecimal realizedPnl,
        String causeEventId,
        Instant changedAt) implements Event {
    public static final String TYPE = "tradeplex.portfolio.position-changed.v1";
    public static final int SCHEMA_VERSION = 1;

    @Override
    public String eventType() {
        return TYPE;
    }
}
