package io.tradeplex.contracts.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One execution. A partial fill and the last fill share this type; {@code status} tells which.
 *
 * @param fillId unique per broker: applying the same fill twice is a bug every consumer guards against
 * @param filledQuantity cumulative quantity filled so far, including this fill
 * @param avgFillPrice volume-weighted average price of all fills so far
 */
public record OrderFilled(
        int schemaVersion,
        UUID orderId,
        UUID userId,
        UUID accountId,
        String broker,
        String clientOrderId,
        String symbol,
        Side side,
        String fillId,
        BigDecimal fillQuantity,
        BigDecimal fillPrice,
        BigDecimal fee,
        String feeCurrency,
        BigDecimal filledQuantity,
        BigDecimal avgFillPrice,
        OrderStatus status,
        Instant filledAt) implements OrderEvent {
    public static final String TYPE = "tradeplex.order.filled.v1";
    public static final int SCHEMA_VERSION = 1;

    @Override
    public String eventType() {
        return TYPE;
    }
}
