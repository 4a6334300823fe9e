package io.tradeplex.user.activity;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ActivityRepository implements PanacheRepositoryBase<ActivityEntry, String> {

    /** Newest first, keyset-paginated on (occurredAt, eventId) so a page never repeats or skips a line. */
    public Uni<List<ActivityEntry>> page(UUID userId, ActivityQuery query, int limit) {
        StringBuilder where = new StringBuilder("userId = :userId");
        Parameters params = Parameters.with("userId", userId);
        if (query.from() != null) {
            where.append(" and occurredAt >= :from and occurredAt < :to");
            params.and("from", query.from()).and("to", query.to());
        }
        query.kind().ifPresent(kind -> {
            where.append(" and kind = :kind");
            params.and("kind", kind);
        });
        query.accountId().ifPresent(account -> {
            where.append(" and accountId = :accountId");
            params.and("accountId", account);
        });
        query.after().ifPresent(cursor -> {
            where.append(" and (occurredAt < :cursorAt or (occurredAt = :cursorAt and eventId < :cursorId))");
            params.and("cursorAt", cursor.occurredAt()).and("cursorId", cursor.eventId());
        });
        return find(where + " order by occurredAt desc, eventId desc", params).page(0, limit).list();
    }

    /** One day, oldest first, as a log file reads. */
    public Uni<List<ActivityEntry>> day(UUID userId, Instant from, Instant to) {
        return list("userId = ?1 and occurredAt >= ?2 and occurredAt < ?3 order by occurredAt, eventId", userId, from, to);
    }

    /** Needs the bypass and app.activity_prune_before set in the same transaction (see V9__activity.sql). */
    public Uni<Long> deleteBefore(Instant cutoff) {
        return delete("occurredAt < ?1", cutoff);
    }

    record Cursor(Instant occurredAt, String eventId) {
    }

    record ActivityQuery(Instant from, Instant to, Optional<String> kind, Optional<UUID> accountId,
                         Optional<Cursor> after) {
    }
}
