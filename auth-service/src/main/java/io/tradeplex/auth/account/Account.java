package io.tradeplex.auth.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A login identity. Never serialised: the API answers with its own records. */
@Entity
@Table(name = "accounts")
public class Account {
    @Id
    public UUID id;
    @Column(nullable = false, unique = true)
    public String email;
    /** Null for an imported account until its owner accepts the invitation and chooses a password. */
    @Column(name = "password_hash")
    public String passwordHash;
    @Column(name = "display_name", nullable = false)
    public String displayName;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> roles;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
    /** When the owner proved the address by following the mailed link; null until then. */
    @Column(name = "email_verified_at")
    public Instant emailVerifiedAt;
    /** When the last verification link was mailed, so resends can be spaced out. */
    @Column(name = "verification_sent_at")
    public Instant verificationSentAt;

    /** When user-service soft-deleted the user; from then on nobody can log in or refresh as them. */
    @Column(name = "deleted_at")
    public Instant deletedAt;

    public boolean deleted() {
        return deletedAt != null;
    }

    public boolean emailVerified() {
        return emailVerifiedAt != null;
    }

    /** Identifies the row only: the hash must never reach a log line through an accidental print. */
    @Override
    public String toString() {
        return "Account[" + id + "]";
    }
}
