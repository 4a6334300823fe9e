package io.tradeplex.user.activity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One line of a user's activity log, as stored; never changed once written. */
@Entity
@Table(name = "activity")
public class ActivityEntry {
    /** The audit event's CloudEvents id: delivering the same event twice stores it once. */
    @Id
    @Column(name = "event_id")
    public String eventId;
    @Column(name = "user_id", nullable = false)
    public UUID userId;
    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;
    @Column(name = "actor_id")
    public UUID actorId;
    /** The action's first segment (auth, order, strategy, admin…): what the kind filter matches. */
    @Column(nullable = false)
    public String kind;
    @Column(nullable = false)
    public String action;
    @Column(nullable = false)
    public String outcome;
    public String reason;
    @Column(name = "account_id")
    public UUID accountId;
    public String resource;
    @Column(name = "source_ip")
    public String sourceIp;
    @Column(nullable = false)
    public String summary;
    /** A JSON object of strings (see ActivityMapper): text, not jsonb, as nothing queries inside it. */
    @Column(nullable = false)
    public String details;
}
