package io.tradeplex.order.risk;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * A user's exposure from their own orders: positions from what was filled, plus what open orders may still fill.
 * Must run in the user's transaction; on the command path that is the one writer of the user, so no order of theirs
 * can slip in between this read and the decision.
 */
@ApplicationScoped
public class ExposureRepository {
    private static final String EXPOSURE = """
            select account_id, symbol,
                   coalesce(sum(case when side = 'BUY' then filled_quantity else -filled_quantity end), 0),
                   coalesce(sum(case when status in ('PENDING', 'ACCEPTED', 'PARTIALLY_FILLED') and side = 'BUY'
                                     then quantity - filled_quantity else 0 end), 0),
                   coalesce(sum(case when status in ('PENDING', 'ACCEPTED', 'PARTIALLY_FILLED') and side = 'SELL'
                                     then quantity - filled_quantity else 0 end), 0)
              from orders
             where user_id = :userId and id <> :excluded
             group by account_id, symbol
            """;

    /** @param excluded the order being decided, which must not count against itself */
    @SuppressWarnings("unchecked")
    public Uni<List<Exposure>> of(UUID userId, UUID excluded) {
        return Panache.getSession().chain(session -> session.createNativeQuery(EXPOSURE)
                        .setParameter("userId", userId)
                        .setParameter("excluded", excluded)
                        .getResultList())
                .map(rows -> ((List<Object[]>) (List<?>) rows).stream()
                        .map(row -> new Exposure((UUID) row[0], (String) row[1], (BigDecimal) row[2], (BigDecimal) row[3],
                                (BigDecimal) row[4]))
                        .toList());
    }
}
