package io.tradeplex.portfolio.stats;

import io.smallrye.mutiny.Uni;
import io.tradeplex.portfolio.position.PositionRepository;
import io.tradeplex.portfolio.position.PositionService;
import io.tradeplex.portfolio.position.RoundTripCount;
import io.tradeplex.portfolio.position.PositionView;
import io.tradeplex.portfolio.trade.TradeRepository;
import io.tradeplex.portfolio.trade.TradeTotals;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
public class StatsService {
    private static final int WIN_RATE_SCALE = 4;

    private final TradeRepository trades;
    private final PositionRepository positionRows;
    private final PositionService positions;

    public StatsService(TradeRepository trades, PositionRepository positionRows, PositionService positions) {
        this.trades = trades;
        this.positionRows = positionRows;
        this.positions = positions;
    }

    /** Must run in one transaction, so every figure comes from the same snapshot. */
    public Uni<PortfolioStats> stats(UUID userId) {
        return trades.totalsByAccount(userId).chain(totals -> positionRows.roundTripsByAccount(userId)
                .chain(trips -> trades.equityCurve(userId)
                        .chain(curve -> positions.openPositions(userId, Optional.empty())
                                .map(open -> combine(totals, trips, curve, open)))));
    }

    static PortfolioStats combine(Map<UUID, TradeTotals> totals, Map<UUID, RoundTripCount> trips,
                                  List<TradeRepository.CurvePoint> curve, List<PositionView> open) {
        Map<UUID, List<PositionView>> openByAccount = open.stream().collect(Collectors.groupingBy(PositionView::accountId));
        Map<UUID, Drawdown> drawdowns = new HashMap<>();
        Drawdown overall = new Drawdown();
        for (TradeRepository.CurvePoint point : curve) {
            drawdowns.computeIfAbsent(point.accountId(), ignored -> new Drawdown()).move(point.netPnl());
            overall.move(point.netPnl());
        }
        TreeSet<UUID> accountIds = new TreeSet<>(totals.keySet());
        accountIds.addAll(openByAccount.keySet());
        List<PortfolioStats.AccountStats> accounts = new ArrayList<>();
        TradeTotals allTotals = TradeTotals.NONE;
        RoundTripCount allTrips = RoundTripCount.NONE;
        for (UUID accountId : accountIds) {
            TradeTotals accountTotals = totals.getOrDefault(accountId, TradeTotals.NONE);
            RoundTripCount accountTrips = trips.getOrDefault(accountId, RoundTripCount.NONE);
            List<PositionView> accountOpen = openByAccount.getOrDefault(accountId, List.of());
            BigDecimal unrealized = unrealized(accountOpen);
            BigDecimal drawdown = drawdowns.getOrDefault(accountId, new Drawdown()).maxWith(unrealized);
            accounts.add(new PortfolioStats.AccountStats(accountId, accountTotals.fills(), accountTrips.closed(),
                    winRate(accountTrips), total(accountTotals, unrealized), accountTotals.realizedPnl(), unrealized,
                    accountTotals.fees(), accountOpen.size(), drawdown));
            allTotals = allTotals.plus(accountTotals);
            allTrips = allTrips.plus(accountTrips);
        }
        BigDecimal unrealized = unrealized(open);
        return new PortfolioStats(allTotals.fills(), allTrips.closed(), winRate(allTrips), total(allTotals, unrealized),
                allTotals.realizedPnl(), unrealized, allTotals.fees(), open.size(), overall.maxWith(unrealized),
                accounts);
    }

    private static BigDecimal winRate(RoundTripCount trips) {
        return trips.closed() == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(trips.won()).divide(BigDecimal.valueOf(trips.closed()), WIN_RATE_SCALE,
                RoundingMode.HALF_EVEN);
    }

    private static BigDecimal total(TradeTotals totals, BigDecimal unrealized) {
        return totals.realizedPnl().add(unrealized).subtract(totals.fees());
    }

    private static BigDecimal unrealized(List<PositionView> open) {
        return open.stream().map(PositionView::unrealizedPnl).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
