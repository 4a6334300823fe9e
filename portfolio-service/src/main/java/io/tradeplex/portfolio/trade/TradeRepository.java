package io.tradeplex.portfolio.trade;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

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

    public Uni<Map<UUID, TradeTotals>> totalsByAccount(UUID userId) {
        return getSession().chain(session -> session.createSelectionQuery("""
                        select t.accountId, count(t), coalesce(sum(t.realizedPnl), 0), coalesce(sum(t.fee), 0)
                        from TradeEntity t
                        where t.userId = :userId
                        group by t.accountId""", Object[].class)
                .setParameter("userId", userId)
                .getResultList())
                .map(rows -> rows.stream().collect(Collectors.toMap(row -> (UUID) row[0],
                        row -> new TradeTotals(((Number) row[1]).longValue(), decimal(row[2]), decimal(row[3])))));
    }

    /** One step of the equity curve: what a fill realized net of its fee. */
    public record CurvePoint(UUID accountId, BigDecimal netPnl) {
    }

    /** Every fill's realized P&L net of its fee, oldest first. */
    public Uni<List<CurvePoint>> equityCurve(UUID userId) {
        return getSession().chain(session -> session.createSelectionQuery("""
                        select new io.tradeplex.portfolio.trade.TradeRepository$CurvePoint(t.accountId,
                               t.realizedPnl - t.fee)
                        from TradeEntity t
                        where t.userId = :userId
                        order by t.executedAt, t.id""", CurvePoint.class)
                .setParameter("userId", userId)
                .getResultList());
    }

    private static BigDecimal decimal(Object value) {
        return value instanceof BigDecimal decimal ? decimal : new BigDecimal(value.toString());
    }
}
