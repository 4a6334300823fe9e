package io.tradeplex.portfolio.stats;

import io.tradeplex.portfolio.position.PositionView;
import io.tradeplex.portfolio.trade.TradeTotals;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class StatsServiceTest {

    @Test
    void totalPnlIsRealizedPlusUnrealizedMinusFees() {
        PortfolioStats stats = StatsService.combine(
                new TradeTotals(5, 3, 2, new BigDecimal("40"), new BigDecimal("1.5")),
                List.of(open("12.25"), open("-2.25")));

        assertThat(stats.totalTrades()).isEqualTo(5);
        assertThat(stats.winRate()).isEqualByComparingTo("0.6667");
        assertThat(stats.unrealizedPnl()).isEqualByComparingTo("10");
        assertThat(stats.totalPnl()).isEqualByComparingTo("48.5");
        assertThat(stats.activePositions()).isEqualTo(2);
    }

    @Test
    void winRateIsZeroWithoutAnyReducingFill() {
        PortfolioStats stats = StatsService.combine(
                new TradeTotals(2, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO), List.of());

        assertThat(stats.winRate()).isZero();
        assertThat(stats.totalPnl()).isZero();
        assertThat(stats.activePositions()).isZero();
    }

    private static PositionView open(String unrealizedPnl) {
        return new PositionView(UUID.randomUUID(), "BTC-USD", BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE,
                new BigDecimal(unrealizedPnl));
    }
}
