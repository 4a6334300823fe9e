package io.tradeplex.kit.outbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.tradeplex.contracts.Event;
import io.tradeplex.contracts.EventJson;
import io.tradeplex.kit.kafka.TopicNames;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Writes an event in the caller's current transaction. It reaches Kafka only if that transaction commits, and then
 * surely (see {@link OutboxRelay}): the database and the topic never disagree.
 */
@ApplicationScoped
public class Outbox {
    private static final int COLUMNS = 7;
    private static final int ROWS_PER_STATEMENT = 500;

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

    /** An event for {@link #addAll}. */
    public record Outgoing(String contractTopic, String key, String subject, Event event) {
    }

    /**
     * Several events in the caller's current transaction, relayed in this order, in one statement per
     * {@value #ROWS_PER_STATEMENT}: for a writer of many at once, whose round trips would otherwise be one per event.
     */
    public Uni<Void> addAll(List<Outgoing> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<List<Outgoing>> chunks = new ArrayList<>();
        for (int from = 0; from < events.size(); from += ROWS_PER_STATEMENT) {
            chunks.add(events.subList(from, Math.min(events.size(), from + ROWS_PER_STATEMENT)));
        }
        Instant now = Instant.now();
        return Multi.createFrom().iterable(chunks)
                .onItem().transformToUniAndConcatenate(chunk -> insert(chunk, now))
                .collect().last()
                .invoke(relay::drainSoon)
                .replaceWithVoid();
    }

    /** The ids come from the sequence in the rows' order, which is the order the relay sends them in. */
    private Uni<Integer> insert(List<Outgoing> chunk, Instant now) {
        StringBuilder sql = new StringBuilder("insert into outbox (event_id, topic, record_key, event_type, subject, "
                + "payload, created_at) values ");
        for (int row = 0; row < chunk.size(); row++) {
            int first = row * COLUMNS + 1;
            sql.append(row == 0 ? "" : ", ").append('(');
            for (int column = 0; column < COLUMNS; column++) {
                sql.append(column == 0 ? "" : ", ").append('?').append(first + column);
            }
            sql.append(')');
        }
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql.toString());
            for (int row = 0; row < chunk.size(); row++) {
                Outgoing outgoing = chunk.get(row);
                int first = row * COLUMNS + 1;
                query.setParameter(first, UUID.randomUUID());
                query.setParameter(first + 1, topics.of(outgoing.contractTopic()));
                query.setParameter(first + 2, outgoing.key());
                query.setParameter(first + 3, outgoing.event().eventType());
                query.setParameter(first + 4, outgoing.subject());
                query.setParameter(first + 5, EventJson.write(outgoing.event()));
                query.setParameter(first + 6, now);
            }
            return query.executeUpdate();
        });
    }
}
