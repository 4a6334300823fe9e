package io.tradeplex.kit.audit;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tradeplex.contracts.Topics;
import io.tradeplex.contracts.audit.AuditEvent;
import io.tradeplex.kit.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

/**
 * Records audit events on {@code tradeplex.audit.v1}, keyed by the user whose activity log they belong to. They go
 * through the outbox, so an audited change and its audit record commit together, and a denial is never lost.
 */
@ApplicationScoped
public class AuditTrail {
    private final Outbox outbox;
    private final Clock clock;

    public AuditTrail(Outbox outbox) {
        this.outbox = outbox;
        this.clock = Clock.systemUTC();
    }

    /** In the caller's transaction: the audit record commits or rolls back with the change it describes. */
    public Uni<Void> within(AuditEvent event) {
        return outbox.add(Topics.AUDIT, event.userId().toString(), event.userId().toString(), event).replaceWithVoid();
    }

    /** In a transaction of its own: for denials and failures, where there is no change to commit with. */
    public Uni<Void> record(AuditEvent event) {
        return Panache.withTransaction(() -> within(event));
    }

    public AuditEvent allowed(UUID userId, UUID actorId, String action, String resource, Map<String, String> details) {
        return event(userId, actorId, action, AuditEvent.ALLOWED, null, resource, details);
    }

    public AuditEvent denied(UUID userId, UUID actorId, String action, String reason, String resource,
                             Map<String, String> details) {
        return event(userId, actorId, action, AuditEvent.DENIED, reason, resource, details);
    }

    public AuditEvent failed(UUID userId, UUID actorId, String action, String reason, String resource,
                             Map<String, String> details) {
        return event(userId, actorId, action, AuditEvent.FAILED, reason, resource, details);
    }

    private AuditEvent event(UUID userId, UUID actorId, String action, String outcome, String reason, String resource,
                             Map<String, String> details) {
        return new AuditEvent(AuditEvent.SCHEMA_VERSION, userId, actorId, action, outcome, reason, resource,
                io.tradeplex.kit.context.RequestContext.currentClientAddress(), details == null ? Map.of() : Map.copyOf(details),
                clock.instant());
    }
}
