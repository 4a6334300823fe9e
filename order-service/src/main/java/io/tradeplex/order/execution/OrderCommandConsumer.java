package io.tradeplex.order.execution;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.tradeplex.contracts.orders.PlaceOrder;
import io.tradeplex.kit.context.RequestContext;
import io.tradeplex.kit.kafka.IncomingEvent;
import io.tradeplex.order.broker.Brokers;
import io.tradeplex.order.broker.autodisable.ConsecutiveBrokerErrors;
import io.tradeplex.order.reconcile.Reconciliation;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.MDC;

/**
 * The one writer for a user's new orders: commands are keyed by user id, so this instance sees every command of the
 * users whose partitions it owns, one after the other.
 * <p>
 * A user with an uncertain order (its request may have reached the broker, the answer did not reach us) takes no
 * new order until that one is reconciled: the new order waits while it is looked up, for a bounded time since other
 * users' commands on the partition wait too, and is refused ({@link OrderLifecycle#RECONCILING}) if the broker still
 * cannot tell. Refusing rather than proceeding: the exposure rules would otherwise judge the new order without a
 * fill the broker may have made.
 */
@ApplicationScoped
public class OrderCommandConsumer {
    private final OrderLifecycle lifecycle;
    private final Brokers brokers;
    private final Reconciliation reconciliation;
    private final ConsecutiveBrokerErrors errors;
    private final Counter handled;

    public OrderCommandConsumer(OrderLifecycle lifecycle, Brokers brokers, Reconciliation reconciliation,
                                ConsecutiveBrokerErrors errors, MeterRegistry metrics) {
        this.lifecycle = lifecycle;
        this.brokers = brokers;
        this.reconciliation = reconciliation;
        this.errors = errors;
        // Per instance: with replicas, each one's count shows the share of users' partitions it works.
        this.handled = Counter.builder("tradeplex.order.commands.handled")
                .description("Place-order commands this instance decided (accepted, rejected or recognised as repeats)")
                .register(metrics);
    }

    @Incoming("order-commands")
    public Uni<Void> onCommand(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.of(record);
        if (!event.is(PlaceOrder.TYPE)) {
            return Uni.createFrom().voidItem();
        }
        MDC.put(RequestContext.USER_ID, String.valueOf(event.key()));
        PlaceOrder command = event.decode(PlaceOrder.class);
        return lifecycle.accept(event.id(), command, true)
                .chain(acceptance -> !acceptance.mustReconcileFirst() ? Uni.createFrom().item(acceptance)
                        : reconciliation.settle(command.userId(), acceptance.reconcileFirst())
                        .chain(() -> lifecycle.accept(event.id(), command, false)))
                .invoke(() -> handled.increment())
                .chain(acceptance -> {
                    if (acceptance.refusedWhileReconciling()) {
                        // The broker could not answer for the earlier order: a broker error in the user's streak.
                        return errors.failed(command.userId(), command.broker(), OrderLifecycle.RECONCILING);
                    }
                    return acceptance.toRoute() == null ? Uni.createFrom().voidItem() : brokers.route(acceptance.toRoute());
                });
    }
}
