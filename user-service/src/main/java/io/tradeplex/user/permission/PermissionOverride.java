package io.tradeplex.user.permission;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "permission_overrides")
@IdClass(PermissionOverride.Key.class)
public class PermissionOverride {
    public enum Effect { GRANT, REVOKE }

    @Id
    @Column(name = "user_id")
    public UUID userId;
    @Id
    public String permission;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Effect effect;
    @Column(name = "changed_by", nullable = false)
    public UUID changedBy;
    public String reason;
    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    public record Key(UUID userId, String permission) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
