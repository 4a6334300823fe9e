package io.tradeplex.contracts.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

public record OrderAccepted(
        int schemaVersion,
        UUID orderId,
        UUID userId,
        UUID accountId,
        String broker,
        String clientOrderId,
        String symbol,
        Side side,
        OrderType type,
        BigDecimal quantity,
        BigDecimal limitPrice,
        Instant acceptedAt) implements OrderEvent {
    public static final String TYPE = "tradeplex.order.accepted.v1";
    public static final int SCHEMA_VERSION = 1;

    @Override
    public String eventType() {
        return TYPE;
    }
}
