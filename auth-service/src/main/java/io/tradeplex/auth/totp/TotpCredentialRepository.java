package io.tradeplex.auth.totp;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.UUID;

@ApplicationScoped
public class TotpCredentialRepository implements PanacheRepositoryBase<TotpCredential, UUID> {

    public Uni<Boolean> isEnabled(UUID userId) {
        return count("userId = ?1 and confirmedAt is not null", userId).map(count -> count > 0);
    }

    /** Locked, so two logins with the same code cannot both see its step as unused. */
    public Uni<TotpCredential> lockConfirmed(UUID userId) {
        return find("userId = ?1 and confirmedAt is not null", userId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }
}
