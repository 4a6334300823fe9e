package io.tradeplex.auth.invitation;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

@ApplicationScoped
public class InvitationRepository implements PanacheRepositoryBase<Invitation, byte[]> {

    /**
     * Spends the invitation. Conditional, so of two concurrent accepts with the same token exactly one succeeds.
     *
     * @return 1 if it was unused and unexpired and is accepted now, else 0
     */
    public Uni<Integer> accept(byte[] tokenHash, Instant now) {
        return update("acceptedAt = ?1 where tokenHash = ?2 and acceptedAt is null and expiresAt > ?1", now, tokenHash);
    }
}
