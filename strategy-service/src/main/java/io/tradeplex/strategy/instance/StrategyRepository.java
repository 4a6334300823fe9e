package io.tradeplex.strategy.instance;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class StrategyRepository implements PanacheRepositoryBase<StrategyEntity, UUID> {

    /** The user's own strategy, locked until the transaction ends; null for another user's (or none). */
    public Uni<StrategyEntity> findOwnedForUpdate(UUID userId, UUID strategyId) {
        return find("id = ?1 and userId = ?2", strategyId, userId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /** Locked in id order, so two transactions over the same strategies cannot deadlock. */
    public Uni<List<StrategyEntity>> findOwnedForUpdate(UUID userId, Collection<UUID> strategyIds) {
        return find("userId = ?1 and id in ?2 order by id", userId, strategyIds)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    public Uni<StrategyEntity> findOwned(UUID userId, UUID strategyId) {
        return find("id = ?1 and userId = ?2", strategyId, userId).firstResult();
    }

    public Uni<List<StrategyEntity>> listOwned(UUID userId) {
        return list("userId", Sort.descending("createdAt"), userId);
    }

    public Uni<Long> countRunning(UUID userId) {
        return count("userId = ?1 and status = ?2", userId, StrategyStatus.RUNNING);
    }

    /** Across users: only inside the runtime's read-only system transaction when partitions are assigned. */
    public Uni<List<StrategyEntity>> listAllRunning() {
        return list("status", StrategyStatus.RUNNING);
    }
}
