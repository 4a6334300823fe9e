package io.tradeplex.portfolio.stats;

import io.smallrye.mutiny.Uni;
import io.tradeplex.portfolio.position.PositionService;
import io.tradeplex.portfolio.position.PositionView;
import io.tradeplex.portfolio.trade.TradeRepository;
import io.tradeplex.portfolio.trade.TradeTotals;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class StatsService {
    private static final int WIN_RATE_SCALE = 4;

    private final TradeRepository trades;
    private final PositionService positions;

    public StatsService(TradeRepository trades, PositionService positions) {
        this.trades = trades;
        this.positions = positions;
    }

    public Uni<PortfolioStats> stats(UUID userId) {
        return trades.totals(userId).chain(totals -> positions.openPositions(userId, Optional.empty())
                .map(open -> combine(totals, open)));
    }

    static PortfolioStats combine(TradeTotals totals, List<PositionView> open) {
        BigDecimal unrealized = open.stream().map(PositionView::unrealizedPnl).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal winRate = totals.reducingFills() == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(totals.winningFills())
                        .divide(BigDecimal.valueOf(totals.reducingFills()), WIN_RATE_SCALE, RoundingMode.HALF_EVEN);
        BigDecimal total = totals.realizedPnl().add(unrealized).subtract(totals.fees());
        return new PortfolioStats(totals.fills(), winRate, total, totals.realizedPnl(), unrealized, totals.fees(),
                open.size());
    }
}
