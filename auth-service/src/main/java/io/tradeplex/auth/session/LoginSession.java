package io.tradeplex.auth.session;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * One successful login: the family of refresh tokens rotated from it. It is live while not revoked, before its
 * absolute end, and used (refreshed) within the idle timeout.
 */
@Entity
@Table(name = "sessions")
public class LoginSession {
    @Id
    public UUID id;
    @Column(name = "user_id", nullable = false)
    public UUID userId;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    /** The absolute end. */
    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;
    /** The last login or refresh: the moment the newest access token of this session was issued. */
    @Column(name = "last_used_at", nullable = false)
    public Instant lastUsedAt;
    @Column(name = "user_agent")
    public String userAgent;
    @Column(name = "client_address")
    public String clientAddress;
    @Column(name = "revoked_at")
    public Instant revokedAt;
    @Column(name = "revoked_reason")
    public String revokedReason;

    public boolean liveAt(Instant now, Duration idleTimeout) {
        return revokedAt == null && expiresAt.isAfter(now) && idleEnd(idleTimeout).isAfter(now);
    }

    /** When the session ends if it is not used again: the earlier of the idle and the absolute end. */
    public Instant idleEnd(Duration idleTimeout) {
        Instant idle = lastUsedAt.plus(idleTimeout);
        return idle.isBefore(expiresAt) ? idle : expiresAt;
    }
}
