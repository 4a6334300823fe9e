package io.tradeplex.contracts.orders;

import io.tradeplex.contracts.Event;

import java.util.UUID;

/** A request to order-service on {@code tradeplex.order-commands.v1}, keyed by user id. */
public sealed interface OrderCommand extends Event permits PlaceOrder, CancelOrder {
    UUID orderId();

    UUID userId();
}
