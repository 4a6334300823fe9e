package io.tradeplex.order.execution;

import java.util.List;

/**
 * What a place command led to.
 *
 * @param toRoute the accepted order to hand to its broker, or null (a repeat, a rejection, or reconcile first)
 * @param reconcileFirst the user's uncertain orders, when the command must wait for them; nothing was written then
 * @param refusedWhileReconciling the order was rejected because an earlier one stayed uncertain: its broker could not
 *                                tell in time
 */
public record Acceptance(OpenOrder toRoute, List<OpenOrder> reconcileFirst, boolean refusedWhileReconciling) {
    static Acceptance route(OpenOrder order) {
        return new Acceptance(order, List.of(), false);
    }

    static Acceptance nothing() {
        return new Acceptance(null, List.of(), false);
    }

    static Acceptance afterReconciling(List<OpenOrder> uncertain) {
        return new Acceptance(null, List.copyOf(uncertain), false);
    }

    static Acceptance refusedAsReconciling() {
        return new Acceptance(null, List.of(), true);
    }

    public boolean mustReconcileFirst() {
        return !reconcileFirst.isEmpty();
    }
}
