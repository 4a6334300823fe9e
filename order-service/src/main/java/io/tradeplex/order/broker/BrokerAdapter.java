package io.tradeplex.order.broker;

import io.smallrye.mutiny.Uni;
import io.tradeplex.order.execution.Execution;
import io.tradeplex.order.execution.OpenOrder;

import java.util.Optional;

/** Works accepted orders at one broker: sends them, and reports fills and refusals through the order lifecycle. */
public interface BrokerAdapter {
    /** The broker's name as broker accounts carry it ({@code paper}, {@code binance}, {@code kite}). */
    String name();

    /** Sends an accepted order. Failures are the adapter's to record on the order; the returned Uni only ends. */
    Uni<Void> route(OpenOrder order);

    /**
     * A fill this broker makes the moment it accepts the order, recorded in the accepting transaction. Only an
     * embedded broker can: a real one answers over the network, after that transaction.
     */
    default Optional<Execution> executionAtOnce(OpenOrder order) {
        return Optional.empty();
    }

    /**
     * Finds out what became of an order at the broker and brings ours in line: fills found only there are applied
     * (each once), an order the broker ended is ended here, one it never received is dealt with as the adapter can
     * prove. When the broker cannot answer, the order is left as it is, to be tried again; the Uni only ends.
     */
    Uni<Void> reconcile(OpenOrder order);

    /**
     * Cancels an open order at the broker; ours becomes CANCELLED only once the broker confirms it. When the broker had
     * already ended the order, what it did is applied instead (fills, its ending), as reconciliation would. The Uni
     * succeeds with the order possibly still open only when the broker took the cancel but has not carried it out yet.
     * Fails with {@link CancelNotConfirmedException} when the broker could not be asked or would not cancel: the order
     * is then left as it is.
     */
    Uni<Void> cancel(OpenOrder order);
}
