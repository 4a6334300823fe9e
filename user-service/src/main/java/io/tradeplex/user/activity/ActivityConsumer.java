package io.tradeplex.user.activity;

import io.smallrye.mutiny.Uni;
import io.tradeplex.contracts.audit.AuditEvent;
import io.tradeplex.kit.inbox.Inbox;
import io.tradeplex.kit.kafka.IncomingEvent;
import io.tradeplex.kit.tenant.Tenant;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * Stores, in the log of the user they are keyed by, once per event id: every service's audit events, and the order
 * and strategy lifecycle read from those services' public topics. Each topic has its own channel and consumer group,
 * so a backlog of fills never delays a login's audit entry. Kafka redelivers after a restart or rebalance (offsets are
 * committed after processing); the inbox, in the entry's own transaction, makes a redelivery change nothing.
 */
@ApplicationScoped
public class ActivityConsumer {
    /** One inbox name for every channel: the event id is the log's primary key, whichever topic it came from. */
    static final String CONSUMER = "user-service.activity";
    private static final Logger LOG = Logger.getLogger(ActivityConsumer.class);
    private static final Duration FIRST_RETRY = Duration.ofMillis(200);
    private static final Duration MAX_RETRY_DELAY = Duration.ofSeconds(10);
    private static final int MAX_RETRIES = 12;

    private final Inbox inbox;
    private final ActivityRepository activity;

    public ActivityConsumer(Inbox inbox, ActivityRepository activity) {
        this.inbox = inbox;
        this.activity = activity;
    }

    @Incoming("audit-events")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.of(record);
        if (!event.is(AuditEvent.TYPE)) {
            return Uni.createFrom().voidItem();
        }
        return store(ActivityMapper.fromEvent(event.id(), event.decode(AuditEvent.class)));
    }

    @Incoming("order-events")
    public Uni<Void> consumeOrderEvent(ConsumerRecord<String, String> record) {
        return storeLifecycle(record);
    }

    @Incoming("strategy-events")
    public Uni<Void> consumeStrategyEvent(ConsumerRecord<String, String> record) {
        return storeLifecycle(record);
    }

    private Uni<Void> storeLifecycle(ConsumerRecord<String, String> record) {
        return LifecycleMapper.fromEvent(IncomingEvent.of(record)).map(this::store)
                .orElseGet(() -> Uni.createFrom().voidItem());
    }

    /**
     * An event that cannot be read failed before this and goes to the dead-letter topic at once; a failure to store
     * (the database away) is retried with back-off for about a minute first, so an outage does not empty a log.
     */
    private Uni<Void> store(ActivityEntry entry) {
        // Hibernate Reactive's session lives on this record's Vert.x context: every retry must subscribe there too.
        Context context = Vertx.currentContext();
        return Tenant.transaction(entry.userId, () -> inbox.firstDelivery(CONSUMER, entry.eventId)
                        .chain(first -> first ? activity.persist(entry).replaceWithVoid() : Uni.createFrom().voidItem()))
                .runSubscriptionOn(task -> context.runOnContext(ignored -> task.run()))
                .onFailure().invoke(failure -> LOG.warnf("Storing activity event %s failed: %s", entry.eventId,
                        failure.toString()))
                .onFailure().retry().withBackOff(FIRST_RETRY, MAX_RETRY_DELAY).atMost(MAX_RETRIES);
    }
}
