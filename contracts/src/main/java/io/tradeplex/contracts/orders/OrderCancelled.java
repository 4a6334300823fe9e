package io.tradeplex.contracts.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** @param reason {@link #BY_USER} when its owner cancelled it; otherwise why the platform or the broker did */
public record OrderCancelled(
        int schemaVersion,
        UUID orderId,
        UUID userId,
        UUID accountId,
        String clientOrderId,
        String symbol,
        BigDecimal filledQuantity,
        String reason,
        Instant cancelledAt) implements OrderEvent {
    public static final String TYPE = "tradeplex.order.cancelled.v1";
    public static final int SCHEMA_VERSION = 1;
    public static final String BY_USER = "cancelled by the user";

    @Override
    public String eventType() {
        return TYPE;
    }
}
