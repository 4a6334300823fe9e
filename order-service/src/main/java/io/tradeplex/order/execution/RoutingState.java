package io.tradeplex.order.execution;

import io.tradeplex.contracts.orders.OrderStatus;
import io.tradeplex.order.order.Routing;

import java.time.Instant;

/**
 * An order's standing with its broker as of now, read before reconciling it.
 *
 * @param routedAt when it was marked SENDING, then UNKNOWN; null if it never was (or was routed before this was recorded)
 */
public record RoutingState(OrderStatus status, Routing routing, Instant routedAt, String brokerOrderId) {
    public boolean isOpen() {
        return status == OrderStatus.ACCEPTED || status == OrderStatus.PARTIALLY_FILLED;
    }
}
