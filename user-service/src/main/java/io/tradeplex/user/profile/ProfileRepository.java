package io.tradeplex.user.profile;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The profile is created from two sources that race: the registration event and the user's first request. Both
 * write with {@code insert ... on conflict}, so whichever comes second never fails and never resets what the
 * service owns (tier, status, active account).
 */
@ApplicationScoped
public class ProfileRepository implements PanacheRepositoryBase<UserProfile, UUID> {
    private static final String INSERT = """
            insert into users (id, email, display_name, roles, tier, status, created_at, updated_at)
            values (:id, :email, :displayName, string_to_array(:roles, ','), :tier, :status, :now, :now)
            """;

    /** From the caller's token: fills a gap until the event arrives, never overwrites. */
    public Uni<Integer> insertIfAbsent(Identity identity, Instant now) {
        return write(INSERT + " on conflict (id) do nothing", identity, now);
    }

    /** From auth-service's event, the source of truth for email, name and roles. */
    public Uni<Integer> upsertIdentity(Identity identity, Instant now) {
        return write(INSERT + """
                 on conflict (id) do update
                   set email = excluded.email, display_name = excluded.display_name, roles = excluded.roles,
                       updated_at = excluded.updated_at
                """, identity, now);
    }

    /** Makes {@code accountId} the active account only if the user has none yet. @return rows changed */
    public Uni<Integer> activateIfNone(UUID userId, UUID accountId, Instant now) {
        return update("activeAccountId = ?1, updatedAt = ?2 where id = ?3 and activeAccountId is null", accountId, now, userId);
    }

    public Uni<Integer> activate(UUID userId, UUID accountId, Instant now) {
        return update("activeAccountId = ?1, updatedAt = ?2 where id = ?3", accountId, now, userId);
    }

    /** Moves the active mark off {@code accountId}, to {@code replacement} (may be null), if it is there. */
    public Uni<Integer> replaceActive(UUID userId, UUID accountId, UUID replacement, Instant now) {
        return update("activeAccountId = ?1, updatedAt = ?2 where id = ?3 and activeAccountId = ?4",
                replacement, now, userId, accountId);
    }

    private Uni<Integer> write(String sql, Identity identity, Instant now) {
        // Roles travel as one comma-joined parameter: role names are a fixed set of words without commas.
        return Panache.getSession().chain(session -> session.createNativeQuery(sql)
                .setParameter("id", identity.userId())
                .setParameter("email", identity.email())
                .setParameter("displayName", identity.displayName())
                .setParameter("roles", String.join(",", identity.roles()))
                .setParameter("tier", UserProfile.DEFAULT_TIER)
                .setParameter("status", UserProfile.STATUS_ACTIVE)
                .setParameter("now", now)
                .executeUpdate());
    }

    /** Who a user is according to auth-service, from its event or its signed token. */
    public record Identity(UUID userId, String email, String displayName, List<String> roles) {
    }
}
