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
    @Column(name = "password_hash", nullable = false)
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

    /** Identifies the row only: the hash must never reach a log line through an accidental print. */
    @Override
    public String toString() {
        return "Account[" + id + "]";
    }
}
