package io.tradeplex.portfolio.daily;

import io.smallrye.mutiny.Uni;
import io.tradeplex.portfolio.position.PositionService;
import io.tradeplex.portfolio.position.PositionView;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/** Reads a user's trading days. */
@ApplicationScoped
public class DailyPnlService {
    private final DailyPnlRepository days;
    private final PositionService positions;

    public DailyPnlService(DailyPnlRepository days, PositionService positions) {
        this.days = days;
        this.positions = positions;
    }

    /** Days with no booked row (nothing traded or held) are left out. */
    public Uni<DailyPnlView> range(UUID userId, ZoneId zone, LocalDate today, LocalDate from, LocalDate to,
                                   Optional<UUID> accountId) {
        return days.listDays(userId, from, to).chain(rows -> (to.isBefore(today) || from.isAfter(today)
                ? Uni.createFrom().item(Map.<UUID, BigDecimal>of())
                : positions.openPositions(userId, Optional.empty()).map(DailyPnlService::unrealizedByAccount))
                .map(live -> view(rows, live, today, zone, from, to, accountId)));
    }

    private static Map<UUID, BigDecimal> unrealizedByAccount(List<PositionView> open) {
        return open.stream().collect(Collectors.toMap(PositionView::accountId, PositionView::unrealizedPnl,
                BigDecimal::add));
    }

    private static DailyPnlView view(List<DailyPnlEntity> rows, Map<UUID, BigDecimal> liveUnrealized, LocalDate today,
                                     ZoneId zone, LocalDate from, LocalDate to, Optional<UUID> accountId) {
        Map<LocalDate, List<DayFigures>> byDay = new TreeMap<>();
        for (DailyPnlEntity row : rows) {
            if (accountId.isPresent() && !accountId.get().equals(row.accountId)) {
                continue;
            }
            BigDecimal unrealized = row.tradingDay.equals(today)
                    ? liveUnrealized.getOrDefault(row.accountId, BigDecimal.ZERO) : row.unrealizedLast;
            byDay.computeIfAbsent(row.tradingDay, day -> new ArrayList<>()).add(row.figures(unrealized));
        }
        List<DailyPnlView.Day> result = new ArrayList<>();
        DayFigures total = DayFigures.zero(null);
        for (Map.Entry<LocalDate, List<DayFigures>> day : byDay.entrySet()) {
            DayFigures dayTotal = day.getValue().stream().reduce(DayFigures.zero(null), DayFigures::plus);
            total = total.plus(dayTotal);
            result.add(new DailyPnlView.Day(day.getKey(), DailyPnlMapper.toView(dayTotal), day.getValue().stream()
                    .sorted(Comparator.comparing(DayFigures::accountId)).map(DailyPnlMapper::toView).toList()));
        }
        return new DailyPnlView(zone.getId(), from, to, result, DailyPnlMapper.toView(total));
    }
}
