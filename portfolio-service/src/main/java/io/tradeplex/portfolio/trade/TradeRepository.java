package io.tradeplex.portfolio.trade;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class TradeRepository implements PanacheRepository<TradeEntity> {
    private static final Sort NEWEST_FIRST = Sort.descending("executedAt", "id");

    public Uni<Boolean> containsFill(String broker, String fillId) {
        return count("broker = ?1 and fillId = ?2", broker, fillId).map(count -> count > 0);
    }

    public Uni<List<TradeEntity>> page(TradeFilter filter, Page page) {
        return find(filter.query(), NEWEST_FIRST, filter.parameters()).page(page).list();
    }

    public Uni<List<TradeEntity>> listAll(TradeFilter filter) {
        return list(filter.query(), NEWEST_FIRST, filter.parameters());
    }

    public Uni<Long> count(TradeFilter filter) {
        return count(filter.query(), filter.parameters());
    }

    public Uni<TradeTotals> totals(UUID userId) {
        return getSession().chain(session -> session.createSelectionQuery("""
                        select count(t),
                               coalesce(sum(case when t.closedQuantity > 0 then 1 else 0 end), 0),
                               coalesce(sum(case when t.closedQuantity > 0 and t.realizedPnl > 0 then 1 else 0 end), 0),
                               coalesce(sum(t.realizedPnl), 0),
                               coalesce(sum(t.fee), 0)
                        from TradeEntity t
                        where t.userId = :userId""", Object[].class)
                .setParameter("userId", userId)
                .getSingleResult())
                .map(row -> new TradeTotals(((Number) row[0]).longValue(), ((Number) row[1]).longValue(),
                        ((Number) row[2]).longValue(), decimal(row[3]), decimal(row[4])));
    }

    private static BigDecimal decimal(Object value) {
        return value instanceof BigDecimal decimal ? decimal : new BigDecimal(value.toString());
    }
}
