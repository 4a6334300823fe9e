package io.tradeplex.auth.session;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

@ApplicationScoped
public class LoginSessionRepository implements PanacheRepositoryBase<LoginSession, UUID> {

    /** @return the session if it may still issue tokens at {@code now}, else null */
    public Uni<LoginSession> findLive(UUID id, Instant now) {
        return find("id = ?1 and revokedAt is null and expiresAt > ?2", id, now).firstResult();
    }

    /** Scoped by user as well, so a token can only ever end its own user's session. */
    public Uni<Integer> revoke(UUID id, UUID userId, Instant now) {
        return update("revokedAt = ?1 where id = ?2 and userId = ?3 and revokedAt is null", now, id, userId);
    }
}
