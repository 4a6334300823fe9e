package io.tradeplex.user.brokeraccount;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/** Every query takes the owner's id: an account is only ever looked up within its user's own accounts. */
@ApplicationScoped
public class BrokerAccountRepository implements PanacheRepositoryBase<BrokerAccount, UUID> {

    public Uni<List<BrokerAccount>> listOwned(UUID userId) {
        return find("userId", Sort.by("createdAt").and("id"), userId).list();
    }

    public Uni<BrokerAccount> findOwned(UUID userId, UUID accountId) {
        return find("userId = ?1 and id = ?2", userId, accountId).firstResult();
    }

    /** The account that takes over the active mark when {@code accountId} goes: the user's oldest other one. */
    public Uni<BrokerAccount> findSuccessor(UUID userId, UUID accountId) {
        return find("userId = ?1 and id <> ?2", Sort.by("createdAt").and("id"), userId, accountId).firstResult();
    }

    public Uni<Long> deleteOwned(UUID userId, UUID accountId) {
        return delete("userId = ?1 and id = ?2", userId, accountId);
    }

    /** A deleted user's accounts stay on record (orders and fills refer to them) but can never trade again. */
    public Uni<Integer> closeAll(UUID userId) {
        return update("status = ?1 where userId = ?2 and status <> ?1", BrokerAccount.STATUS_CLOSED, userId);
    }
}
