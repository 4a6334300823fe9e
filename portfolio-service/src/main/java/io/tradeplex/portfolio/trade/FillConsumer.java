package io.tradeplex.portfolio.trade;

import io.smallrye.mutiny.Uni;
import io.tradeplex.contracts.orders.OrderFilled;
import io.tradeplex.kit.kafka.IncomingEvent;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * Applies fills from the order events; every other order event is skipped.
 * <p>
 * A fill that cannot be read or is incomplete fails at once and goes to the dead-letter topic: no retry would help.
 * A failure while applying (the database away, a lost race with another instance) is retried with back-off for about
 * a minute before the record goes to the dead-letter topic, because a later fill of the same position applied ahead
 * of this one would change its average price.
 */
@ApplicationScoped
public class FillConsumer {
    private static final Logger LOG = Logger.getLogger(FillConsumer.class);
    private static final Duration FIRST_RETRY = Duration.ofMillis(200);
    private static final Duration MAX_RETRY_DELAY = Duration.ofSeconds(10);
    private static final int MAX_RETRIES = 12;

    private final FillService fills;

    public FillConsumer(FillService fills) {
        this.fills = fills;
    }

    @Incoming("orders")
    public Uni<Void> onOrderEvent(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.of(record);
        if (!event.is(OrderFilled.TYPE)) {
            return Uni.createFrom().voidItem();
        }
        Uni<Boolean> applying = fills.apply(event.id(), event.decode(OrderFilled.class));
        // Hibernate Reactive's session lives on this record's Vert.x context: every retry must subscribe there too,
        // not on the thread that waited out the back-off.
        Context context = Vertx.currentContext();
        return applying
                .runSubscriptionOn(task -> context.runOnContext(ignored -> task.run()))
                .onFailure().invoke(failure -> LOG.warnf("Applying the fill of event %s failed: %s",
                        event.id().replaceAll("[\\r\\n]", "_"), failure.toString()))
                .onFailure().retry().withBackOff(FIRST_RETRY, MAX_RETRY_DELAY).atMost(MAX_RETRIES)
                .replaceWithVoid();
    }
}
