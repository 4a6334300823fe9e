package io.tradeplex.auth.account;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
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

    /**
     * Conditional, so a redelivered or repeated deletion keeps the first deletion time.
     *
     * @return 1 if the account existed and was not deleted yet, else 0
     */
    public Uni<Integer> markDeleted(UUID id, Instant now) {
        return update("deletedAt = ?1, updatedAt = ?1 where id = ?2 and deletedAt is null", now, id);
    }

    /** Which of these (normalised) addresses already have an account. Needs the read-only lookup bypass. */
    public Uni<List<String>> takenAmong(Collection<String> emails) {
        return getSession().chain(session -> session
                .createSelectionQuery("select email from Account where email in (:emails)", String.class)
                .setParameter("emails", emails)
                .getResultList());
    }
}
