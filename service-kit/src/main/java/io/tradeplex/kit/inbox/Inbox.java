package io.tradeplex.kit.inbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Idempotent consumption: Kafka delivers at least once, so each consumer records the event ids it applied in the
 * same transaction as their effect. A redelivered event finds its id and changes nothing.
 */
@ApplicationScoped
public class Inbox {

    /** Must run inside the transaction that applies the event. @return true the first time this event is seen */
    public Uni<Boolean> firstDelivery(String consumer, String eventId) {
        return Panache.getSession().chain(session -> session
                        .createNativeQuery("insert into inbox (consumer, event_id) values (:consumer, :eventId) on conflict do nothing")
                        .setParameter("consumer", consumer)
                        .setParameter("eventId", eventId)
                        .executeUpdate())
                .map(inserted -> inserted == 1);
    }
}
