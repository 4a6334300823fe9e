package io.tradeplex.portfolio.daily;

import io.tradeplex.contracts.portfolio.DailyPnl;

import java.time.Instant;
import java.util.Comparator;

/** Day figures → the event and the API view. */
final class DailyPnlMapper {
    private DailyPnlMapper() {
    }

    static DailyPnl toEvent(DailyPnlTracker.UserDay day, DayFigures total, Instant asOf) {
        return new DailyPnl(DailyPnl.SCHEMA_VERSION, day.userId(), day.day(), day.profile().zone().getId(),
                total.realizedPnl(), total.fees(), total.unrealizedChange(), total.netPnl(), total.trades(),
                day.profile().maxDailyLossUsd(),
                day.accounts().stream().sorted(Comparator.comparing(DayFigures::accountId))
                        .map(figures -> new DailyPnl.Account(figures.accountId(), figures.realizedPnl(), figures.fees(),
                                figures.unrealizedChange(), figures.netPnl(), figures.trades()))
                        .toList(),
                asOf);
    }

    static DailyPnlView.Figures toView(DayFigures figures) {
        return new DailyPnlView.Figures(figures.accountId(), figures.realizedPnl(), figures.fees(),
                figures.unrealizedChange(), figures.netPnl(), figures.trades());
    }
}
