package io.tradeplex.order.execution;

import java.util.List;

/**
 * What a place command led to.
 *
 * @param toRoute the accepted order to hand to its broker, or null (a repeat, a rejection, or reconcile first)
 * @param reconcileFirst the user's uncertain orders, when the command must wait for them; nothing was written then
 */
public record Acceptance(OpenOrder toRoute, List<OpenOrder> reconcileFirst) {
    static Acceptance route(OpenOrder order) {
        return new Acceptance(order, List.of());
    }

    static Acceptance nothing() {
        return new Acceptance(null, List.of());
    }

    static Acceptance afterReconciling(List<OpenOrder> uncertain) {
        return new Acceptance(null, List.copyOf(uncertain));
    }

    public boolean mustReconcileFirst() {
        return !reconcileFirst.isEmpty();
    }
}
