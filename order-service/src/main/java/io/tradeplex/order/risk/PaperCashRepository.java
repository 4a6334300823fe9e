package io.tradeplex.order.risk;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tradeplex.contracts.orders.OrderType;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * A paper account's cash from the user's own orders and fills. Must run in the user's transaction, like
 * {@link ExposureRepository}: on the command path that is the user's one writer, so no order of theirs can slip in
 * between this read and the decision.
 */
@ApplicationScoped
public class PaperCashRepository {
    private static final String SETTLED = """
            select coalesce(sum(case when o.side = 'SELL' then f.quantity * f.price else -(f.quantity * f.price) end)
                            - sum(f.fee), 0)
              from fills f
              join orders o on o.id = f.order_id and o.user_id = f.user_id
             where f.user_id = :userId and o.account_id = :accountId
            """;
    private static final String OPEN_BUYS = """
            select symbol, type, limit_price, quantity - filled_quantity, avg_fill_price
              from orders
             where user_id = :userId and account_id = :accountId and id <> :excluded and side = 'BUY'
               and status in ('PENDING', 'ACCEPTED', 'PARTIALLY_FILLED')
            """;

    /** @param excluded the order being decided, which must not reserve cash against itself */
    @SuppressWarnings("unchecked")
    public Uni<PaperCash> of(UUID userId, UUID accountId, UUID excluded) {
        return Panache.getSession().chain(session -> session.createNativeQuery(SETTLED)
                .setParameter("userId", userId)
                .setParameter("accountId", accountId)
                .getSingleResult()
                .chain(settled -> session.createNativeQuery(OPEN_BUYS)
                        .setParameter("userId", userId)
                        .setParameter("accountId", accountId)
                        .setParameter("excluded", excluded)
                        .getResultList()
                        .map(rows -> new PaperCash((BigDecimal) settled, ((List<Object[]>) (List<?>) rows).stream()
                                .map(row -> new PaperCash.OpenBuy((String) row[0], OrderType.valueOf((String) row[1]),
                                        (BigDecimal) row[2], (BigDecimal) row[3], (BigDecimal) row[4]))
                                .toList()))));
    }
}
