package io.tradeplex.order.order;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.tradeplex.contracts.orders.OrderStatus;
import io.tradeplex.contracts.orders.OrderType;
import io.tradeplex.contracts.orders.Side;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An order as clients see it; {@code fills} only on the single-order read.
 *
 * @param brokerOrderId the broker's own id for the order, once the broker confirmed it (null for paper orders)
 * @param reconciling true while the order's state at its broker is being found out (its request may have reached the
 *                    broker without the answer reaching us); the user's new orders wait for it
 */
public record OrderView(
        UUID orderId,
        String clientOrderId,
        UUID accountId,
        String broker,
        String symbol,
        Side side,
        OrderType type,
        BigDecimal quantity,
        BigDecimal limitPrice,
        OrderStatus status,
        BigDecimal filledQuantity,
        BigDecimal avgFillPrice,
        String rejectCode,
        String rejectReason,
        Instant createdAt,
        Instant updatedAt,
        String brokerOrderId,
        boolean reconciling,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<FillView> fills) {

    public record FillView(String fillId, BigDecimal quantity, BigDecimal price, BigDecimal fee, String feeCurrency,
                           Instant executedAt) {
    }
}
