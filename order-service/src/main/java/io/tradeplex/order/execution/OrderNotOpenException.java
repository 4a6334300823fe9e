package io.tradeplex.order.execution;

import io.tradeplex.contracts.orders.OrderStatus;

/** A cancel that came too late: the order already reached a final state. */
public class OrderNotOpenException extends RuntimeException {
    private final OrderStatus status;

    public OrderNotOpenException(OrderStatus status) {
        super("The order is " + status + " and can no longer be cancelled", null, false, false);
        this.status = status;
    }

    public OrderStatus status() {
        return status;
    }
}
