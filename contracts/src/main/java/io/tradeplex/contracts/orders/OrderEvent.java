package io.tradeplex.contracts.orders;

import io.tradeplex.contracts.Event;

import java.util.UUID;

/** What happened to an order, on {@code tradeplex.orders.v1}, keyed by user id. */
public sealed interface OrderEvent extends Event permits OrderAccepted, OrderRejected, OrderFilled, OrderCancelled {
    UUID orderId();

    UUID userId();

    UUID accountId();
}
