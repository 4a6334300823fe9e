package io.tradeplex.order.risk;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.tradeplex.kit.tenant.Tenant;
import io.tradeplex.order.broker.paper.PaperBroker;
import io.tradeplex.order.execution.OrderLifecycle;
import io.tradeplex.order.execution.OrderNotOpenException;
import io.tradeplex.order.order.OrderEntity;
import io.tradeplex.order.order.OrderRepository;
import io.tradeplex.order.user.HaltListener;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.UUID;

/**
 * A kill switch halts trading at once: besides refusing new orders, the orders already resting at a broker are
 * cancelled, so nothing fills after the switch. Every instance sees the switch and may try; the order's row lock lets
 * exactly one cancellation win, and the others find the order no longer open.
 */
@ApplicationScoped
public class TradingHalts implements HaltListener {
    private static final Logger LOG = Logger.getLogger(TradingHalts.class);

    private final OrderRepository orders;
    private final OrderLifecycle lifecycle;
    private final PaperBroker paperBroker;

    public TradingHalts(OrderRepository orders, OrderLifecycle lifecycle, PaperBroker paperBroker) {
        this.orders = orders;
        this.lifecycle = lifecycle;
        this.paperBroker = paperBroker;
    }

    @Override
    public Uni<Void> halted(UUID userId, String reason) {
        return Tenant.transaction(userId, () -> orders.openOrdersOf(userId)).chain(open -> cancelAll(open, reason));
    }

    public Uni<Void> haltEveryone(String reason) {
        return Tenant.systemTransaction("global kill switch: cancel every user's open orders", orders::openOrders)
                .chain(open -> cancelAll(open, reason));
    }

    private Uni<Void> cancelAll(List<OrderEntity> open, String reason) {
        if (open.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        LOG.infof("Cancelling %d open orders: %s", open.size(), reason);
        return Multi.createFrom().iterable(open)
                .onItem().transformToUniAndConcatenate(order -> lifecycle.cancel(order.userId, order.id, reason)
                        .invoke(cancelled -> paperBroker.forget(order.id, order.symbol))
                        .onFailure(OrderNotOpenException.class).recoverWithNull()
                        .onFailure().invoke(failure -> LOG.warnf("Could not cancel order %s: %s", order.id, failure.toString()))
                        .onFailure().recoverWithNull())
                .collect().last().replaceWithVoid();
    }
}
