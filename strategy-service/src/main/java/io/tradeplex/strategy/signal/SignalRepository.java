package io.tradeplex.strategy.signal;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class SignalRepository implements PanacheRepositoryBase<SignalEntity, UUID> {

    public Uni<Boolean> exists(UUID userId, String clientOrderId) {
        return count("userId = ?1 and clientOrderId = ?2", userId, clientOrderId).map(count -> count > 0);
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
