package io.tradeplex.auth.invitation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** An imported account's invitation, known only by the SHA-256 of the mailed token. Single use. */
@Entity
@Table(name = "invitations")
public class Invitation {
    @Id
    @Column(name = "token_hash")
    public byte[] tokenHash;
    @Column(name = "user_id", nullable = false)
    public UUID userId;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;
    @Column(name = "accepted_at")
    public Instant acceptedAt;

    @Override
    public String toString() {
        return "Invitation[user=" + userId + "]";
    }
}
