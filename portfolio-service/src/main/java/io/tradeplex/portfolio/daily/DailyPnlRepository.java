package io.tradeplex.portfolio.daily;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class DailyPnlRepository implements PanacheRepository<DailyPnlEntity> {

    /** Locked until the transaction ends: the fill path and the tracker both write a day's row. */
    public Uni<DailyPnlEntity> findForUpdate(UUID userId, UUID accountId, LocalDate day) {
        return find("userId = ?1 and accountId = ?2 and tradingDay = ?3", userId, accountId, day)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult();
    }

    public Uni<List<DailyPnlEntity>> listDays(UUID userId, LocalDate from, LocalDate to) {
        return list("userId = ?1 and tradingDay between ?2 and ?3", Sort.by("tradingDay").and("accountId"),
                userId, from, to);
    }

    /** A day row as the tracker reads it, across users: a projection, so nothing read there is ever written back. */
    public record DayRow(UUID userId, UUID accountId, LocalDate tradingDay, BigDecimal realizedPnl, BigDecimal fees,
                         long trades, BigDecimal unrealizedOpen) {
        DayFigures figures(BigDecimal unrealizedNow) {
            return new DayFigures(accountId, realizedPnl, fees, trades, unrealizedOpen, unrealizedNow);
        }
    }

    /** Across users: only inside the tracker's read-only system transaction. */
    public Uni<List<DayRow>> listAllDays(LocalDate from, LocalDate to) {
        return getSession().chain(session -> session.createSelectionQuery("""
                        select new io.tradeplex.portfolio.daily.DailyPnlRepository$DayRow(d.userId, d.accountId,
                               d.tradingDay, d.realizedPnl, d.fees, d.trades, d.unrealizedOpen)
                        from DailyPnlEntity d where d.tradingDay between :from and :to""", DayRow.class)
                .setParameter("from", from).setParameter("to", to)
                .getResultList());
    }
}
