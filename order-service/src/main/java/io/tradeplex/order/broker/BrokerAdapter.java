package io.tradeplex.order.broker;

import io.smallrye.mutiny.Uni;
import io.tradeplex.order.execution.OpenOrder;

/** Works accepted orders at one broker: sends them, and reports fills and refusals through the order lifecycle. */
public interface BrokerAdapter {
    /** The broker's name as broker accounts carry it ({@code paper}, {@code binance}, {@code kite}). */
    String name();

    /** Sends an accepted order. Failures are the adapter's to record on the order; the returned Uni only ends. */
    Uni<Void> route(OpenOrder order);

    /**
     * Cancels an open order at the broker; ours becomes CANCELLED only once the broker confirms it. When the broker had
     * already ended the order, what it did is applied instead (fills, its ending), as reconciliation would. The Uni
     * succeeds with the order possibly still open only when the broker took the cancel but has not carried it out yet.
     * Fails with {@link CancelNotConfirmedException} when the broker could not be asked or would not cancel: the order
     * is then left as it is.
     */
    Uni<Void> cancel(OpenOrder order);
}
