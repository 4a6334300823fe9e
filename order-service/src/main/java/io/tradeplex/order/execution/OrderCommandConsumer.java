package io.tradeplex.order.execution;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.tradeplex.contracts.orders.PlaceOrder;
import io.tradeplex.kit.context.RequestContext;
import io.tradeplex.kit.kafka.IncomingEvent;
import io.tradeplex.order.broker.Brokers;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.MDC;

/**
 * The one writer for a user's new orders: commands are keyed by user id, so this instance sees every command of the
 * users whose partitions it owns, one after the other.
 */
@ApplicationScoped
public class OrderCommandConsumer {
    private final OrderLifecycle lifecycle;
    private final Brokers brokers;
    private final Counter handled;

    public OrderCommandConsumer(OrderLifecycle lifecycle, Brokers brokers, MeterRegistry metrics) {
        this.lifecycle = lifecycle;
        this.brokers = brokers;
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
        return lifecycle.accept(event.id(), event.decode(PlaceOrder.class))
                .invoke(() -> handled.increment())
                .chain(open -> open == null ? Uni.createFrom().voidItem() : brokers.route(open));
    }
}
