package io.tradeplex.contracts.orders;

import java.time.Instant;
import java.util.UUID;

/** @param rejectCode a stable code from the rejection catalogue, e.g. {@code RISK_MAX_POSITION} */
public record OrderRejected(
        int schemaVersion,
        UUID orderId,
        UUID userId,
        UUID accountId,
        String clientOrderId,
        String symbol,
        String rejectCode,
        String rejectReason,
        Instant rejectedAt) implements OrderEvent {
    public static final String TYPE = "tradeplex.order.rejected.v1";
    public static final int SCHEMA_VERSION = 1;

    @Override
    public String eventType() {
        return TYPE;
    }
}
