package io.tradeplex.user.permission;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tradeplex.user.profile.UserProfile;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Effective permissions = the roles' defaults, plus grants, minus revocations. */
@ApplicationScoped
public class PermissionService {

    /** Must run inside a session or transaction. */
    public Uni<Set<Permission>> effective(UserProfile profile) {
        return overridesOf(profile.id).map(overrides -> {
            Set<Permission> permissions = EnumSet.noneOf(Permission.class);
            permissions.addAll(RolePermissions.of(profile.roles));
            for (PermissionOverride override : overrides) {
                Permission.ofCode(override.permission).ifPresent(permission -> {
                    if (override.effect == PermissionOverride.Effect.GRANT) {
                        permissions.add(permission);
                    } else {
                        permissions.remove(permission);
                    }
                });
            }
            return permissions;
        });
    }

    /** Must run inside a transaction. */
    public Uni<Void> override(UUID userId, Permission permission, PermissionOverride.Effect effect, UUID changedBy,
                              String reason, Instant at) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into permission_overrides (user_id, permission, effect, changed_by, reason, changed_at)
                        values (:userId, :permission, :effect, :changedBy, :reason, :at)
                        on conflict (user_id, permission) do update
                          set effect = excluded.effect, changed_by = excluded.changed_by,
                              reason = excluded.reason, changed_at = excluded.changed_at
                        """)
                .setParameter("userId", userId)
                .setParameter("permission", permission.code())
                .setParameter("effect", effect.name())
                .setParameter("changedBy", changedBy)
                .setParameter("reason", reason)
                .setParameter("at", at)
                .executeUpdate()).replaceWithVoid();
    }

    private Uni<List<PermissionOverride>> overridesOf(UUID userId) {
        return Panache.getSession().chain(session -> session
                .createQuery("from PermissionOverride where userId = :userId", PermissionOverride.class)
                .setParameter("userId", userId)
                .getResultList());
    }

    public static List<String> codes(Set<Permission> permissions) {
        return permissions.stream().map(Permission::code).sorted().toList();
    }

    public static Set<Permission> none() {
        return EnumSet.noneOf(Permission.class);
    }
}
