package io.tradeplex.portfolio.position;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class PositionRepository implements PanacheRepository<PositionEntity> {

    /**
     * Locks the row until the transaction ends: while partitions move between instances, two of them may briefly
     * apply fills of the same user, and average-cost arithmetic must see each fill's result before the next.
     */
    public Uni<PositionEntity> findForUpdate(UUID userId, UUID accountId, String symbol) {
        return find("userId = ?1 and accountId = ?2 and symbol = ?3", userId, accountId, symbol)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult();
    }

    public Uni<List<PositionEntity>> listOpen(UUID userId, Optional<UUID> accountId) {
        Parameters parameters = Parameters.with("userId", userId);
        String query = "userId = :userId and quantity <> 0";
        if (accountId.isPresent()) {
            query += " and accountId = :accountId";
            parameters.and("accountId", accountId.get());
        }
        return list(query, Sort.by("accountId").and("symbol"), parameters);
    }
}
