package io.tradeplex.portfolio.daily;

import io.smallrye.mutiny.Uni;
import io.tradeplex.contracts.orders.OrderFilled;
import io.tradeplex.portfolio.position.Position;
import io.tradeplex.portfolio.position.PositionService;
import io.tradeplex.portfolio.position.PositionView;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Books each fill on its account's trading day, in the transaction that applies the fill. */
@ApplicationScoped
public class DailyLedger {
    private final DailyPnlRepository days;
    private final PositionService positions;

    public DailyLedger(DailyPnlRepository days, PositionService positions) {
        this.days = days;
        this.positions = positions;
    }

    /**
     * The fill's day row, locked; a day not seen yet is opened with what the account's positions carry into it. Call it
     * before the fill moves its position, so that baseline is the day's start, not the fill's result.
     */
    public Uni<DailyPnlEntity> dayOf(OrderFilled fill, ZoneId zone) {
        LocalDate day = fill.filledAt().atZone(zone).toLocalDate();
        return days.findForUpdate(fill.userId(), fill.accountId(), day).chain(row -> row != null
                ? Uni.createFrom().item(row)
                : positions.openPositions(fill.userId(), Optional.of(fill.accountId()))
                        .chain(open -> days.persist(open(fill.userId(), fill.accountId(), day, zone, unrealized(open),
                                fill.filledAt()))));
    }

    public void book(DailyPnlEntity day, OrderFilled fill, Position.Applied applied) {
        day.realizedPnl = day.realizedPnl.add(applied.realizedPnl());
        day.fees = day.fees.add(fill.fee());
        day.trades++;
        day.updatedAt = fill.filledAt();
    }

    static DailyPnlEntity open(UUID userId, UUID accountId, LocalDate day, ZoneId zone, BigDecimal carried, Instant at) {
        DailyPnlEntity row = new DailyPnlEntity();
        row.userId = userId;
        row.accountId = accountId;
        row.tradingDay = day;
        row.timeZone = zone.getId();
        row.unrealizedOpen = carried;
        row.unrealizedLast = carried;
        row.updatedAt = at;
        return row;
    }

    static BigDecimal unrealized(List<PositionView> open) {
        return open.stream().map(PositionView::unrealizedPnl).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
