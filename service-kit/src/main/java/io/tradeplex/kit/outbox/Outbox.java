package io.tradeplex.kit.outbox;

import io.smallrye.mutiny.Uni;
import io.tradeplex.contracts.Event;
import io.tradeplex.contracts.EventJson;
import io.tradeplex.kit.kafka.TopicNames;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

/**
 * Writes an event in the caller's current transaction. It reaches Kafka only if that transaction commits, and then
 * surely (see {@link OutboxRelay}): the database and the topic never disagree.
 */
@ApplicationScoped
public class Outbox {
    private final TopicNames topics;
    private final OutboxRelay relay;

    public Outbox(TopicNames topics, OutboxRelay relay) {
        this.topics = topics;
        this.relay = relay;
    }

    /**
     * @param key the partition key: the user id for everything about a user
     * @return the event id ({@code ce_id})
     */
    public Uni<UUID> add(String contractTopic, String key, String subject, Event event) {
        OutboxRecord record = new OutboxRecord();
        record.eventId = UUID.randomUUID();
        record.topic = topics.of(contractTopic);
        record.recordKey = key;
        record.eventType = event.eventType();
        record.subject = subject;
        record.payload = EventJson.write(event);
        record.createdAt = Instant.now();
        return record.persist().replaceWith(record.eventId).invoke(relay::drainSoon);
    }
}
