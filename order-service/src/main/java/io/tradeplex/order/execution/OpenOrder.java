package io.tradeplex.order.execution;

import io.tradeplex.contracts.orders.OrderType;
import io.tradeplex.contracts.orders.Side;
import io.tradeplex.order.order.OrderEntity;

import java.math.BigDecimal;
import java.util.UUID;

/** The part of an accepted order a broker adapter needs to work it, as of when it was routed. */
public record OpenOrder(UUID orderId, UUID userId, String broker, String symbol, Side side, OrderType type,
                        BigDecimal limitPrice, BigDecimal remainingQuantity, UUID accountId, String clientOrderId) {

    public static OpenOrder of(OrderEntity order) {
        return new OpenOrder(order.id, order.userId, order.broker, order.symbol, order.side, order.type, order.limitPrice,
                order.remainingQuantity(), order.accountId, order.clientOrderId);
    }
}
