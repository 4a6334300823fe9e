package io.tradeplex.auth.session;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A refresh token, known only by its SHA-256. Single use: rotation sets {@code usedAt}. */
@Entity
@Table(name = "refresh_tokens")
public class RefreshToken {
    @Id
    @Column(name = "token_hash")
    public byte[] tokenHash;
    @Column(name = "user_id", nullable = false)
    public UUID userId;
    @Column(name = "session_id", nullable = false)
    public UUID sessionId;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;
    @Column(name = "used_at")
    public Instant usedAt;

    @Override
    public String toString() {
        return "RefreshToken[session=" + sessionId + "]";
    }
}
