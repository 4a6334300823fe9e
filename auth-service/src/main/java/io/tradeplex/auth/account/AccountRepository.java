package io.tradeplex.auth.account;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

@ApplicationScoped
public class AccountRepository implements PanacheRepositoryBase<Account, UUID> {

    /** @param email already normalised, see {@link EmailAddresses} */
    public Uni<Account> findByEmail(String email) {
        return find("email", email).firstResult();
    }

    public Uni<Boolean> existsByEmail(String email) {
        return count("email", email).map(count -> count > 0);
    }

    public Uni<Integer> updatePasswordHash(UUID id, String passwordHash, Instant now) {
        return update("passwordHash = ?1, updatedAt = ?2 where id = ?3", passwordHash, now, id);
    }

    /**
     * Conditional, so two clicks on the same link verify (and announce) the address once.
     *
     * @return 1 if the address was unverified and is verified now, else 0
     */
    public Uni<Integer> markEmailVerified(UUID id, Instant now) {
        return update("emailVerifiedAt = ?1, updatedAt = ?1 where id = ?2 and emailVerifiedAt is null", now, id);
    }

    /**
     * Claims the right to mail a verification link: only one claim succeeds per cool-down, however many requests race.
     *
     * @return 1 if a link may be sent now, else 0
     */
    public Uni<Integer> claimVerificationSend(UUID id, Instant now, Instant sentBefore) {
        return update("verificationSentAt = ?1 where id = ?2 and emailVerifiedAt is null"
                + " and (verificationSentAt is null or verificationSentAt <= ?3)", now, id, sentBefore);
    }
}
