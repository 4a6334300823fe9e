package io.tradeplex.auth.session;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

@ApplicationScoped
public class RefreshTokenRepository implements PanacheRepositoryBase<RefreshToken, byte[]> {

    /**
     * Spends a token. A conditional update rather than read-then-write, so two concurrent refreshes with the same
     * token cannot both succeed: exactly one of them sees a row change.
     *
     * @return 1 if the token was unused and unexpired and is now spent, else 0
     */
    public Uni<Integer> spend(byte[] tokenHash, Instant now) {
        return update("usedAt = ?1 where tokenHash = ?2 and usedAt is null and expiresAt > ?1", now, tokenHash);
    }
}
