package io.tradeplex.user.activity;

import io.smallrye.mutiny.Uni;
import io.tradeplex.contracts.audit.AuditEvent;
import io.tradeplex.kit.inbox.Inbox;
import io.tradeplex.kit.kafka.IncomingEvent;
import io.tradeplex.kit.tenant.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Stores every service's audit events in the log of the user they are keyed by, once per event id. */
@ApplicationScoped
public class ActivityConsumer {
    static final String CONSUMER = "user-service.activity";

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
        AuditEvent audit = event.decode(AuditEvent.class);
        return Tenant.transaction(audit.userId(), () -> inbox.firstDelivery(CONSUMER, event.id())
                .chain(first -> first ? activity.persist(ActivityMapper.fromEvent(event.id(), audit)).replaceWithVoid()
                        : Uni.createFrom().voidItem()));
    }
}
