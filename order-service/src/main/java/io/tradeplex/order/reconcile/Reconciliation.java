package io.tradeplex.order.reconcile;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.tradeplex.kit.tenant.Tenant;
import io.tradeplex.order.broker.Brokers;
import io.tradeplex.order.broker.Pause;
import io.tradeplex.order.execution.OpenOrder;
import io.tradeplex.order.order.OrderRepository;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.UUID;

/** Reconciles orders with their brokers, one after the other; a failure is logged and leaves the order as it was. */
@ApplicationScoped
public class Reconciliation {
    private static final Logger LOG = Logger.getLogger(Reconciliation.class);

    private final Brokers brokers;
    private final OrderRepository orders;
    private final ReconciliationConfig config;

    public Reconciliation(Brokers brokers, OrderRepository orders, ReconciliationConfig config) {
        this.brokers = brokers;
        this.orders = orders;
        this.config = config;
    }

    public Uni<Void> reconcileAll(List<OpenOrder> open) {
        return Multi.createFrom().iterable(open)
                .onItem().transformToUniAndConcatenate(this::reconcile)
                .collect().last()
                .replaceWithVoid();
    }

    private Uni<Void> reconcile(OpenOrder order) {
        return brokers.of(order.broker())
                .map(adapter -> adapter.reconcile(order))
                .orElseGet(() -> {
                    LOG.warnf("Order %s cannot be reconciled: no adapter for %s is enabled", order.orderId(), order.broker());
                    return Uni.createFrom().voidItem();
                })
                .onFailure().recoverWithUni(failure -> {
                    LOG.warnf("Reconciling order %s failed, it is tried again later: %s", order.orderId(), failure.toString());
                    return Uni.createFrom().voidItem();
                });
    }

    /**
     * Reconciles a user's uncertain orders until none is left or the gate's time is up. The deadline is checked between
     * rounds, never in the middle of a lookup (a half-done one is not cut off), so the wait is bounded by the gate's
     * time plus one round, itself bounded by the brokers' timeouts. Commands of one user share a partition with other
     * users' commands, which wait meanwhile: hence the bound.
     */
    public Uni<Void> settle(UUID userId, List<OpenOrder> uncertain) {
        return settle(userId, uncertain, System.nanoTime() + config.gateTimeout().toNanos());
    }

    private Uni<Void> settle(UUID userId, List<OpenOrder> uncertain, long deadline) {
        return reconcileAll(uncertain)
                .chain(() -> Tenant.transaction(userId, () -> orders.uncertainOf(userId))
                        .map(left -> left.stream().map(OpenOrder::of).toList()))
                .chain(left -> left.isEmpty() || System.nanoTime() + config.gateRetry().toNanos() > deadline
                        ? Uni.createFrom().voidItem()
                        : Pause.of(config.gateRetry()).chain(() -> settle(userId, left, deadline)));
    }
}
