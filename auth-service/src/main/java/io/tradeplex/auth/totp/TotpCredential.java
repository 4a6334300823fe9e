package io.tradeplex.auth.totp;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A user's TOTP secret: pending until {@code confirmedAt} is set, then required at every login. */
@Entity
@Table(name = "totp_credentials")
public class TotpCredential {
    @Id
    @Column(name = "user_id")
    public UUID userId;
    @Column(nullable = false)
    public String secret;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "confirmed_at")
    public Instant confirmedAt;
    /** The RFC 6238 time step of the last accepted code; only later steps are accepted after it. */
    @Column(name = "last_used_step")
    public Long lastUsedStep;

    public boolean confirmed() {
        return confirmedAt != null;
    }

    /** The secret is a credential: it must never reach a log line through an accidental print. */
    @Override
    public String toString() {
        return "TotpCredential[" + userId + "]";
    }
}
