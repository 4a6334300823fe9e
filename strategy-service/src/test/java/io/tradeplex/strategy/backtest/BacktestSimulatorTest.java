package io.tradeplex.strategy.backtest;

import io.tradeplex.contracts.orders.Side;
import io.tradeplex.strategy.backtest.BacktestResult.EquityPoint;
import io.tradeplex.strategy.backtest.BacktestResult.Trade;
import io.tradeplex.strategy.engine.DonchianBreakoutParams;
import io.tradeplex.strategy.engine.SignalKind;
import io.tradeplex.strategy.engine.SmaCrossoverParams;
import io.tradeplex.strategy.engine.StrategyParams;
import io.tradeplex.strategy.market.bars.Bar;
import io.tradeplex.strategy.market.bars.BarInterval;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

class BacktestSimulatorTest {
    private static final Instant START = Instant.parse("2024-03-01T00:00:00Z");
    /** Donchian(2): every low is 1, so only its breakouts, the 10 % take-profit and the 20 % stop-loss act. */
    private static final StrategyParams DONCHIAN = new DonchianBreakoutParams(2, 2, d("100"), d("20"), d("10"), null);

    /**
     * By hand, fee 10 bps, no slippage, 1000 USD:
     * bar 2 closes 100 above the highs 99 → buy 1 at bar 3's open 100, fee 0.1, cash 899.9;
     * bar 4 closes 110, take-profit → sell 1 at bar 5's open 120, fee 0.12, cash 1019.78, P&L 119.88 − 100.1 = 19.78;
     * bar 5 closes 120 above the highs 110 → buy 100/120 = 0.833333 at bar 6's open 100: 83.3333 + fee 0.0833333,
     * cash 936.3633667; bar 6 closes 90, at or below the run's stop 120 × 0.8 = 96 → sell at bar 7's open 84:
     * 69.999972 − fee 0.06999997 (0.069999972 rounded), cash 1006.29333873, P&L 69.92997203 − 83.4166333.
     */
    @Test
    void metricsOfAHandComputedSeries() {
        List<Bar> bars = List.of(bar(0, "99", "99", "99"), bar(1, "99", "99", "99"), bar(2, "99", "100", "100"),
                bar(3, "100", "105", "105"), bar(4, "105", "110", "110"), bar(5, "120", "120", "120"),
                bar(6, "100", "100", "90"), bar(7, "84", "84", "80"));

        BacktestResult result = run(spec(DONCHIAN, "1000", "10", "0"), Map.of("HAND-USD", bars));

        assertThat(result.trades()).extracting(Trade::time, Trade::side, Trade::quantity, Trade::price, Trade::fee,
                Trade::realizedPnl, Trade::kind, Trade::signalTime).containsExactly(
                tuple(time(3), Side.BUY, d("1.000000"), d("100.00000000"), d("0.10000000"), d("0E-8"), SignalKind.ENTRY, time(2)),
                tuple(time(5), Side.SELL, d("1.000000"), d("120.00000000"), d("0.12000000"), d("19.78000000"),
                        SignalKind.TAKE_PROFIT, time(4)),
                tuple(time(6), Side.BUY, d("0.833333"), d("100.00000000"), d("0.08333330"), d("0E-8"), SignalKind.ENTRY,
                        time(5)),
                tuple(time(7), Side.SELL, d("0.833333"), d("84.00000000"), d("0.06999997"), d("-13.48666127"),
                        SignalKind.STOP_LOSS, time(6)));
        assertThat(result.equityCurve()).extracting(EquityPoint::equityUsd).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(d("1000"), d("1000"), d("1000"), d("1004.9"), d("1009.9"), d("1019.78"),
                        d("1011.3633367"), d("1006.29333873"));
        assertThat(result.equityCurve().get(0).time()).isEqualTo(time(1));
        assertThat(result.finalEquityUsd()).isEqualByComparingTo("1006.29333873");
        assertThat(result.totalReturn()).isEqualByComparingTo("0.00629334");
        assertThat(result.numberOfTrades()).isEqualTo(4);
        assertThat(result.roundTrips()).isEqualTo(2);
        assertThat(result.winningRoundTrips()).isEqualTo(1);
        assertThat(result.winRate()).isEqualByComparingTo("0.5");
        assertThat(result.maxDrawdownUsd()).isEqualByComparingTo("13.48666127");
        // 13.48666127 / 1019.78 = 0.01322506939...
        assertThat(result.maxDrawdown()).isEqualByComparingTo("0.01322507");
        // Per-bar returns of the curve, computed independently in floating point: 12.97322026...
        assertThat(result.sharpeRatio().doubleValue()).isCloseTo(12.97322026, within(1e-6));
        assertThat(result.feesUsd()).isEqualByComparingTo("0.37333327");
        assertThat(result.skippedSignals()).isZero();
        assertThat(result.openPositions()).isEmpty();
        assertThat(result.bars()).isEqualTo(8);
        // Flat at the end: the realized results add up to the change of equity.
        assertThat(result.trades().stream().map(Trade::realizedPnl).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(result.finalEquityUsd().subtract(result.initialCapitalUsd()));
    }

    @Test
    void slippageMovesEachFillAgainstIt() {
        List<Bar> bars = List.of(bar(0, "99", "99", "99"), bar(1, "99", "99", "99"), bar(2, "99", "100", "100"),
                bar(3, "100", "105", "105"), bar(4, "105", "110", "110"), bar(5, "120", "120", "120"));

        BacktestResult result = run(spec(DONCHIAN, "1000", "0", "50"), Map.of("HAND-USD", bars));

        assertThat(result.trades()).extracting(Trade::side, Trade::price, Trade::fee).containsExactly(
                tuple(Side.BUY, d("100.50000000"), d("0E-8")), tuple(Side.SELL, d("119.40000000"), d("0E-8")));
        assertThat(result.trades().get(1).realizedPnl()).isEqualByComparingTo("18.9");
    }

    @Test
    void aSignalOnTheLastBarIsNotFilledAndAnOpenPositionIsValuedAtItsLastClose() {
        List<Bar> bars = List.of(bar(0, "99", "99", "99"), bar(1, "99", "99", "99"), bar(2, "99", "100", "100"),
                bar(3, "100", "104", "104"), bar(4, "104", "108", "108"));

        BacktestResult result = run(spec(DONCHIAN, "1000", "0", "0"), Map.of("HAND-USD", bars));

        // Bought 1 at 100 (bar 3); bar 4's breakout while long is nothing; held at the last close 108.
        assertThat(result.trades()).extracting(Trade::side).containsExactly(Side.BUY);
        assertThat(result.openPositions()).containsExactly("HAND-USD");
        assertThat(result.finalEquityUsd()).isEqualByComparingTo("1008");
        assertThat(result.roundTrips()).isZero();
        assertThat(result.winRate()).isNull();

        BacktestResult lastBarSignal = run(spec(DONCHIAN, "1000", "0", "0"), Map.of("HAND-USD", bars.subList(0, 3)));
        assertThat(lastBarSignal.trades()).isEmpty();
        assertThat(lastBarSignal.finalEquityUsd()).isEqualByComparingTo("1000");
        assertThat(lastBarSignal.sharpeRatio()).as("returns that never vary").isNull();
    }

    @Test
    void anEntryTheCashCannotPayForIsSkippedAndSoIsItsExit() {
        List<Bar> bars = List.of(bar(0, "99", "99", "99"), bar(1, "99", "99", "99"), bar(2, "99", "100", "100"),
                bar(3, "100", "105", "105"), bar(4, "105", "110", "110"), bar(5, "120", "120", "120"));

        // 100 USD entries, 100.05 USD of cash: the notional fits, notional + 10 bps fee does not.
        BacktestResult result = run(spec(DONCHIAN, "100.05", "10", "0"), Map.of("HAND-USD", bars));

        assertThat(result.trades()).isEmpty();
        assertThat(result.skippedSignals()).isEqualTo(2);
        assertThat(result.finalEquityUsd()).isEqualByComparingTo("100.05");
    }

    @Test
    void symbolsShareTheCashAndTheCurveHasOnePointPerBarTime() {
        List<Bar> first = List.of(bar("AAA-USD", 0, "99", "99", "99"), bar("AAA-USD", 1, "99", "99", "99"),
                bar("AAA-USD", 2, "99", "100", "100"), bar("AAA-USD", 3, "100", "100", "100"));
        List<Bar> second = List.of(bar("BBB-USD", 0, "9", "9", "9"), bar("BBB-USD", 1, "9", "9", "9"),
                bar("BBB-USD", 2, "9", "10", "10"), bar("BBB-USD", 3, "10", "11", "11"));
        BacktestSpec spec = new BacktestSpec(DONCHIAN, List.of("AAA-USD", "BBB-USD"), BarInterval.H1, null, null,
                d("150"), d("0"), d("0"));

        BacktestResult result = BacktestSimulator.run(spec, Map.of("AAA-USD", first, "BBB-USD", second),
                (done, total) -> { });

        // Both break out at bar 2; at bar 3 AAA-USD (first in the request) buys 100 USD, leaving 50 for BBB-USD.
        assertThat(result.trades()).extracting(Trade::symbol, Trade::side).containsExactly(tuple("AAA-USD", Side.BUY));
        assertThat(result.skippedSignals()).isEqualTo(1);
        assertThat(result.equityCurve()).hasSize(4);
        assertThat(result.bars()).isEqualTo(8);
    }

    @Test
    void progressCountsEveryBar() {
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            bars.add(bar(i, "10", "10", "10"));
        }
        List<int[]> reports = new ArrayList<>();

        BacktestSimulator.run(spec(new SmaCrossoverParams(2, 5, d("10"), null, null, null), "100", "0", "0"),
                Map.of("HAND-USD", bars), (done, total) -> reports.add(new int[] {done, total}));

        assertThat(reports).hasSize(50);
        assertThat(reports.get(49)).containsExactly(50, 50);
    }

    @Test
    void theSameInputGivesTheSameResult() {
        List<Bar> bars = new ArrayList<>();
        java.util.Random random = new java.util.Random(3);
        BigDecimal price = d("100");
        for (int i = 0; i < 400; i++) {
            BigDecimal open = price;
            price = price.add(BigDecimal.valueOf(random.nextInt(201) - 100, 2)).max(d("1"));
            bars.add(bar(i, open.toPlainString(), open.max(price).toPlainString(), price.toPlainString()));
        }
        BacktestSpec spec = spec(new SmaCrossoverParams(3, 8, d("250"), d("2"), d("4"), d("1.5")), "1000", "10", "5");

        BacktestResult first = run(spec, Map.of("HAND-USD", bars));

        assertThat(first.numberOfTrades()).isGreaterThan(10);
        assertThat(run(spec, Map.of("HAND-USD", List.copyOf(bars)))).isEqualTo(first);
    }

    private static BacktestResult run(BacktestSpec spec, Map<String, List<Bar>> bars) {
        return BacktestSimulator.run(spec, bars, (done, total) -> { });
    }

    private static BacktestSpec spec(StrategyParams params, String capital, String feeBps, String slippageBps) {
        return new BacktestSpec(params, List.of("HAND-USD"), BarInterval.H1, null, null, d(capital), d(feeBps),
                d(slippageBps));
    }

    private static Bar bar(int index, String open, String high, String close) {
        return bar("HAND-USD", index, open, high, close);
    }

    /** Lows are 1: nothing closes below the Donchian exit channel. */
    private static Bar bar(String symbol, int index, String open, String high, String close) {
        return new Bar(symbol, BarInterval.H1, time(index), d(open), d(high), d("1"), d(close), BigDecimal.ONE);
    }

    private static Instant time(int index) {
        return START.plus(BarInterval.H1.duration().multipliedBy(index));
    }

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }
}
