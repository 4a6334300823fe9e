package io.tradeplex.auth.session;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class LoginSessionRepository implements PanacheRepositoryBase<LoginSession, UUID> {

    /** Scoped by user as well, so nobody can ever see or end another user's session, whatever id they send. */
    public Uni<LoginSession> findOwn(UUID id, UUID userId) {
        return find("id = ?1 and userId = ?2", id, userId).firstResult();
    }

    /** @param usedAfter sessions last used at or before this are idle-expired */
    public Uni<List<LoginSession>> listLive(UUID userId, Instant now, Instant usedAfter) {
        return list("userId = ?1 and revokedAt is null and expiresAt > ?2 and lastUsedAt > ?3 order by lastUsedAt desc",
                userId, now, usedAfter);
    }

    /**
     * Conditional, so of two concurrent revocations exactly one reports the change (and announces it).
     *
     * @return 1 if the session was live (not yet revoked) and is revoked now, else 0
     */
    public Uni<Integer> revoke(UUID id, UUID userId, String reason, Instant now) {
        return update("revokedAt = ?1, revokedReason = ?2 where id = ?3 and userId = ?4 and revokedAt is null",
                now, reason, id, userId);
    }
}
