package io.tradeplex.portfolio.position;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

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

    /** Across users: only inside the daily P&L tracker's read-only system transaction. */
    public Uni<List<OpenPosition>> listAllOpen() {
        return getSession().chain(session -> session.createSelectionQuery("""
                        select new io.tradeplex.portfolio.position.OpenPosition(p.userId, p.accountId, p.symbol,
                               p.quantity, p.avgPrice)
                        from PositionEntity p where p.quantity <> 0""", OpenPosition.class)
                .getResultList());
    }

    public Uni<Map<UUID, RoundTripCount>> roundTripsByAccount(UUID userId) {
        return getSession().chain(session -> session.createSelectionQuery("""
                        select p.accountId, coalesce(sum(p.roundTrips), 0), coalesce(sum(p.winningRoundTrips), 0)
                        from PositionEntity p where p.userId = :userId group by p.accountId""", Object[].class)
                .setParameter("userId", userId)
                .getResultList())
                .map(rows -> rows.stream().collect(Collectors.toMap(row -> (UUID) row[0],
                        row -> new RoundTripCount(((Number) row[1]).longValue(),
                                ((Number) row[2]).longValue()))));
    }
}
