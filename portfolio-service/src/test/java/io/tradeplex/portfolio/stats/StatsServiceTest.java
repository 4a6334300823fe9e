package io.tradeplex.portfolio.stats;

import io.tradeplex.portfolio.position.PositionView;
import io.tradeplex.portfolio.position.RoundTripCount;
import io.tradeplex.portfolio.trade.TradeRepository;
import io.tradeplex.portfolio.trade.TradeTotals;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class StatsServiceTest {
    private static final UUID ACCOUNT_A = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID ACCOUNT_B = UUID.fromString("00000000-0000-0000-0000-00000000000b");

    @Test
    void totalPnlIsRealizedPlusUnrealizedMinusFeesOverallAndPerAccount() {
        PortfolioStats stats = StatsService.combine(
                Map.of(ACCOUNT_A, new TradeTotals(3, new BigDecimal("40"), new BigDecimal("1")),
                        ACCOUNT_B, new TradeTotals(2, BigDecimal.ZERO, new BigDecimal("0.5"))),
                Map.of(ACCOUNT_A, new RoundTripCount(3, 2)),
                List.of(),
                List.of(open(ACCOUNT_A, "12.25"), open(ACCOUNT_B, "-2.25")));

        assertThat(stats.totalTrades()).isEqualTo(5);
        assertThat(stats.roundTrips()).isEqualTo(3);
        assertThat(stats.winRate()).isEqualByComparingTo("0.6667");
        assertThat(stats.unrealizedPnl()).isEqualByComparingTo("10");
        assertThat(stats.totalPnl()).isEqualByComparingTo("48.5");
        assertThat(stats.activePositions()).isEqualTo(2);
        assertThat(stats.accounts()).extracting(PortfolioStats.AccountStats::accountId).containsExactly(ACCOUNT_A, ACCOUNT_B);
        PortfolioStats.AccountStats b = stats.accounts().get(1);
        assertThat(b.totalTrades()).isEqualTo(2);
        assertThat(b.winRate()).isZero();
        assertThat(b.totalPnl()).isEqualByComparingTo("-2.75");
        assertThat(b.activePositions()).isEqualTo(1);
    }

    @Test
    void winRateIsZeroWithoutAnyClosedRoundTrip() {
        PortfolioStats stats = StatsService.combine(
                Map.of(ACCOUNT_A, new TradeTotals(2, BigDecimal.ZERO, BigDecimal.ZERO)), Map.of(), List.of(), List.of());

        assertThat(stats.winRate()).isZero();
        assertThat(stats.totalPnl()).isZero();
        assertThat(stats.activePositions()).isZero();
        assertThat(stats.maxDrawdown()).isZero();
    }

    @Test
    void maxDrawdownIsTheLargestFallFromAPeakOfTheEquityCurve() {
        // Equity: +10, +4, +14, +2 (the fall from 14 to 2 is 12), then -3 per account B's loss: overall 14 → -1 = 15.
        List<TradeRepository.CurvePoint> curve = List.of(point(ACCOUNT_A, "10"), point(ACCOUNT_A, "-6"),
                point(ACCOUNT_A, "10"), point(ACCOUNT_A, "-12"), point(ACCOUNT_B, "-3"));

        PortfolioStats stats = StatsService.combine(Map.of(), Map.of(), curve, List.of());

        assertThat(stats.maxDrawdown()).isEqualByComparingTo("15");
        assertThat(stats.accounts()).isEmpty();
    }

    @Test
    void anOpenLossCountsInTheDrawdownAsOfNow() {
        List<TradeRepository.CurvePoint> curve = List.of(point(ACCOUNT_A, "5"));

        PortfolioStats stats = StatsService.combine(
                Map.of(ACCOUNT_A, new TradeTotals(1, new BigDecimal("5"), BigDecimal.ZERO)), Map.of(), curve,
                List.of(open(ACCOUNT_A, "-7")));

        assertThat(stats.maxDrawdown()).isEqualByComparingTo("7");
        assertThat(stats.accounts().get(0).maxDrawdown()).isEqualByComparingTo("7");
    }

    private static TradeRepository.CurvePoint point(UUID account, String net) {
        return new TradeRepository.CurvePoint(account, new BigDecimal(net));
    }

    private static PositionView open(UUID account, String unrealizedPnl) {
        return new PositionView(account, "BTC-USD", BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE,
                new BigDecimal(unrealizedPnl));
    }
}
