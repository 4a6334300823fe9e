package io.tradeplex.user.profile;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A user as this service knows them. Never serialised: {@link MeResponse} is the API's view. */
@Entity
@Table(name = "users")
public class UserProfile {
    public static final String DEFAULT_TIER = "basic";
    public static final String STATUS_ACTIVE = "ACTIVE";

    @Id
    public UUID id;
    public String email;
    @Column(name = "display_name")
    public String displayName;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> roles;
    @Column(nullable = false)
    public String tier;
    @Column(nullable = false)
    public String status;
    @Column(name = "email_verified", nullable = false)
    public boolean emailVerified;
    @Column(name = "active_account_id")
    public UUID activeAccountId;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
