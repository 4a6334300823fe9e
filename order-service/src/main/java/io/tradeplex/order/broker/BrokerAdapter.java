package io.tradeplex.order.broker;

import io.smallrye.mutiny.Uni;
import io.tradeplex.order.execution.OpenOrder;

/** Works accepted orders at one broker: sends them, and reports fills and refusals through the order lifecycle. */
public interface BrokerAdapter {
    /** The broker's name as broker accounts carry it ({@code paper}, {@code binance}, {@code kite}). */
    String name();

    /** Sends an accepted order. Failures are the adapter's to record on the order; the returned Uni only ends. */
    Uni<Void> route(OpenOrder order);
}
