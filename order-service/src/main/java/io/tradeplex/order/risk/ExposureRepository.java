package io.tradeplex.order.risk;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/**
 * A user's exposure from their own orders (kept by {@link ExposureLedger}). Must run in the user's transaction; on the
 * command path that is the one writer of the user, so no order of theirs can slip in between this read and the
 * decision.
 */
@ApplicationScoped
public class ExposureRepository {

    public Uni<List<Exposure>> of(UUID userId) {
        return Panache.getSession().chain(session -> session
                        .createSelectionQuery("from ExposureEntity where userId = :userId", ExposureEntity.class)
                        .setParameter("userId", userId)
                        .getResultList())
                .map(rows -> rows.stream()
                        .map(row -> new Exposure(row.accountId, row.symbol, row.position, row.openBuy, row.openSell))
                        .toList());
    }
}
