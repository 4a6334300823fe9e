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
}
