package io.tradeplex.contracts.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * Place an order. {@code clientOrderId} is unique per user: a repeat of the same id is the same order.
 *
 * @param origin who asked for it: {@code api} (a client through the gateway) or {@code strategy:<id>}
 */
public record PlaceOrder(
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
        String origin,
        Instant requestedAt) implements OrderCommand {
    public static final String TYPE = "tradeplex.order.place.v1";
    public static final int SCHEMA_VERSION = 1;

    @Override
    public String eventType() {
        return TYPE;
    }
}
