package io.tradeplex.user.vault;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Queries keep their user filter even though row-level security would hide other users' rows anyway. */
@ApplicationScoped
public class BrokerCredentialRepository implements PanacheRepositoryBase<BrokerCredential, UUID> {

    public Uni<List<BrokerCredential>> listOwned(UUID userId) {
        return find("userId", userId).list();
    }

    public Uni<List<BrokerCredential>> listOwned(UUID userId, UUID accountId) {
        return find("userId = ?1 and accountId = ?2", userId, accountId).list();
    }

    public Uni<BrokerCredential> findOwned(UUID userId, UUID accountId, String name) {
        return find("userId = ?1 and accountId = ?2 and name = ?3", userId, accountId, name).firstResult();
    }

    public Uni<Long> deleteOwned(UUID userId, UUID accountId) {
        return delete("userId = ?1 and accountId = ?2", userId, accountId);
    }

    public Uni<Long> deleteOwned(UUID userId) {
        return delete("userId", userId);
    }

    /** Across users (rotation, under its bypass policy): the next records after {@code after} not under {@code keyId}. */
    public Uni<List<BrokerCredential>> notUnderKey(String keyId, UUID after, int limit) {
        return find("keyId <> ?1 and id > ?2", Sort.by("id"), keyId, after).page(Page.ofSize(limit)).list();
    }

    public Uni<Long> countUnderKey(String keyId) {
        return count("keyId", keyId);
    }

    /**
     * Replaces the wrapping only if the record still holds the wrapped key it was read with: a secret re-sealed in the
     * meantime (a new Kite session) keeps its new data key. @return rows changed
     */
    public Uni<Integer> rewrap(BrokerCredential read, SealedSecret rewrapped, Instant now) {
        return update("keyId = ?1, keyNonce = ?2, wrappedKey = ?3, updatedAt = ?4 where id = ?5 and keyId = ?6 and wrappedKey = ?7",
                rewrapped.keyId(), rewrapped.keyNonce(), rewrapped.wrappedKey(), now, read.id, read.keyId, read.wrappedKey);
    }
}
