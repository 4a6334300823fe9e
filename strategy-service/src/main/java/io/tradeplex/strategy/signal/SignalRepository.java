package io.tradeplex.strategy.signal;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class SignalRepository implements PanacheRepositoryBase<SignalEntity, UUID> {

    /** Those of the client order ids the user's signals already have; a set the caller may add to. */
    public Uni<Set<String>> existing(UUID userId, Collection<String> clientOrderIds) {
        return getSession().chain(session -> session.createSelectionQuery(
                        "select clientOrderId from SignalEntity where userId = ?1 and clientOrderId in ?2", String.class)
                .setParameter(1, userId).setParameter(2, clientOrderIds).getResultList())
                .map(HashSet::new);
    }

    public Uni<SignalEntity> findOwned(UUID userId, UUID orderId) {
        return find("orderId = ?1 and userId = ?2", orderId, userId).firstResult();
    }

    public Uni<List<SignalEntity>> page(UUID userId, UUID strategyId, Page page) {
        return find("userId = ?1 and strategyId = ?2", Sort.descending("createdAt", "barTime"), userId, strategyId)
                .page(page).list();
    }

    public Uni<SignalEntity> latest(UUID userId, UUID strategyId) {
        return find("userId = ?1 and strategyId = ?2", Sort.descending("createdAt", "barTime"), userId, strategyId)
                .firstResult();
    }
}
