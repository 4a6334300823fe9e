package io.tradeplex.strategy.backtest;

import io.tradeplex.contracts.orders.Side;
import io.tradeplex.strategy.backtest.BacktestResult.EquityPoint;
import io.tradeplex.strategy.backtest.BacktestResult.Trade;
import io.tradeplex.strategy.engine.Signal;
import io.tradeplex.strategy.engine.StrategyRun;
import io.tradeplex.strategy.market.bars.Bar;
import io.tradeplex.strategy.market.bars.BarInterval;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Replays history through the same {@link StrategyRun} code the live runtime uses, one run per symbol, all sharing one
 * cash account that starts at {@code initialCapitalUsd}.
 * <ul>
 * <li>Bars are taken in time order (symbols in request order within one time). A signal given at a bar's close fills
 *     at the open of that symbol's next bar, moved by the slippage, with the fee (see {@link FillModel}); a signal on
 *     a symbol's last bar has no next bar and is not filled.</li>
 * <li>Cash account, long only: an entry whose notional and fee exceed the cash is skipped, and so is the exit of an
 *     entry that never filled. The run itself believes its signals filled (as live), so it goes on as if it held.</li>
 * <li>Equity after each bar time = cash + every holding at its symbol's latest close. Drawdowns are measured from the
 *     running peak, starting at the initial capital. The Sharpe ratio takes the per-bar returns of that curve
 *     (the first against the initial capital), mean over sample standard deviation, annualised by √(bars in 365 days
 *     of the interval: markets here trade around the clock), with a risk-free rate of 0.</li>
 * </ul>
 * Money is exact until output, where amounts and ratios are rounded half-even to 8 decimals. Deterministic: the same
 * spec and bars give the same result, digit for digit.
 */
final class BacktestSimulator {
    private static final MathContext MATH = MathContext.DECIMAL64;
    private static final int OUT = FillModel.SCALE;

    /** Told after each bar taken; called on the simulating thread. */
    interface Progress {
        void advanced(int barsDone, int barsTotal);
    }

    private BacktestSimulator() {
    }

    /** @param bars each symbol's bars of the spec's interval, oldest first, at least one per symbol */
    static BacktestResult run(BacktestSpec spec, Map<String, List<Bar>> bars, Progress progress) {
        return new Replay(spec).run(bars, progress);
    }

    private record Lot(BigDecimal quantity, BigDecimal cost) {
    }

    private static final class Replay {
        private final BacktestSpec spec;
        private final FillModel fills;
        private final Map<String, StrategyRun> runs = new LinkedHashMap<>();
        private final Map<String, Signal> pending = new HashMap<>();
        private final Map<String, Lot> held = new LinkedHashMap<>();
        private final Map<String, BigDecimal> lastClose = new HashMap<>();
        private final List<Trade> trades = new ArrayList<>();
        private final List<EquityPoint> curve = new ArrayList<>();
        private BigDecimal cash;
        private BigDecimal fees = BigDecimal.ZERO;
        private int roundTrips;
        private int wins;
        private int skipped;

        Replay(BacktestSpec spec) {
            this.spec = spec;
            this.fills = spec.fills();
            this.cash = spec.initialCapitalUsd();
            spec.symbols().forEach(symbol -> runs.put(symbol, StrategyRun.start(spec.params(), symbol)));
        }

        BacktestResult run(Map<String, List<Bar>> bars, Progress progress) {
            List<Bar> timeline = new ArrayList<>();
            spec.symbols().forEach(symbol -> timeline.addAll(bars.get(symbol)));
            List<String> order = spec.symbols();
            // A stable sort keeps request order within one open time.
            timeline.sort(Comparator.comparing(Bar::openTime));
            int done = 0;
            for (int i = 0; i < timeline.size(); i++) {
                Bar bar = timeline.get(i);
                take(bar);
                progress.advanced(++done, timeline.size());
                boolean lastOfItsTime = i + 1 == timeline.size() || !timeline.get(i + 1).openTime().equals(bar.openTime());
                if (lastOfItsTime) {
                    curve.add(new EquityPoint(bar.closeTime(), equity()));
                }
            }
            return result(timeline.size(), order);
        }

        private void take(Bar bar) {
            Signal signal = pending.remove(bar.symbol());
            if (signal != null) {
                fill(signal, bar);
            }
            runs.get(bar.symbol()).onBar(bar).forEach(next -> pending.put(bar.symbol(), next));
            lastClose.put(bar.symbol(), bar.close());
        }

        private void fill(Signal signal, Bar bar) {
            BigDecimal price = fills.price(signal.side(), bar.open());
            if (signal.side() == Side.BUY) {
                BigDecimal fee = fills.fee(signal.quantity(), price);
                BigDecimal cost = signal.quantity().multiply(price).add(fee);
                if (cost.compareTo(cash) > 0) {
                    skipped++;
                    return;
                }
                cash = cash.subtract(cost);
                fees = fees.add(fee);
                held.put(bar.symbol(), new Lot(signal.quantity(), cost));
                trades.add(trade(bar, signal, signal.quantity(), price, fee, BigDecimal.ZERO));
                return;
            }
            Lot lot = held.remove(bar.symbol());
            if (lot == null) {
                skipped++;
                return;
            }
            BigDecimal fee = fills.fee(lot.quantity(), price);
            BigDecimal proceeds = lot.quantity().multiply(price).subtract(fee);
            BigDecimal pnl = proceeds.subtract(lot.cost());
            cash = cash.add(proceeds);
            fees = fees.add(fee);
            roundTrips++;
            wins += pnl.signum() > 0 ? 1 : 0;
            trades.add(trade(bar, signal, lot.quantity(), price, fee, pnl));
        }

        private static Trade trade(Bar bar, Signal signal, BigDecimal quantity, BigDecimal price, BigDecimal fee,
                                   BigDecimal pnl) {
            return new Trade(bar.openTime(), bar.symbol(), signal.side(), quantity, price, fee, out(pnl),
                    signal.kind(), signal.barTime(), signal.reason());
        }

        private BigDecimal equity() {
            BigDecimal equity = cash;
            for (Map.Entry<String, Lot> lot : held.entrySet()) {
                equity = equity.add(lot.getValue().quantity().multiply(lastClose.get(lot.getKey())));
            }
            return equity;
        }

        private BacktestResult result(int barCount, List<String> order) {
            BigDecimal initial = spec.initialCapitalUsd();
            BigDecimal finalEquity = curve.isEmpty() ? initial : curve.get(curve.size() - 1).equityUsd();
            BigDecimal peak = initial;
            BigDecimal drawdown = BigDecimal.ZERO;
            BigDecimal drawdownUsd = BigDecimal.ZERO;
            for (EquityPoint point : curve) {
                peak = peak.max(point.equityUsd());
                BigDecimal fall = peak.subtract(point.equityUsd());
                drawdownUsd = drawdownUsd.max(fall);
                drawdown = drawdown.max(fall.divide(peak, MATH));
            }
            List<String> open = order.stream().filter(held::containsKey).toList();
            return new BacktestResult(initial, out(finalEquity), out(finalEquity.divide(initial, MATH).subtract(BigDecimal.ONE)),
                    trades.size(), roundTrips, wins,
                    roundTrips == 0 ? null : out(BigDecimal.valueOf(wins).divide(BigDecimal.valueOf(roundTrips), MATH)),
                    out(drawdown), out(drawdownUsd), sharpe(initial), out(fees), skipped, open, barCount,
                    List.copyOf(trades), curve.stream().map(point -> new EquityPoint(point.time(), out(point.equityUsd())))
                    .toList());
        }

        private BigDecimal sharpe(BigDecimal initial) {
            int n = curve.size();
            if (n < 2) {
                return null;
            }
            List<BigDecimal> returns = new ArrayList<>(n);
            BigDecimal before = initial;
            for (EquityPoint point : curve) {
                returns.add(point.equityUsd().divide(before, MATH).subtract(BigDecimal.ONE, MATH));
                before = point.equityUsd();
            }
            BigDecimal mean = returns.stream().reduce(BigDecimal.ZERO, (a, b) -> a.add(b, MATH))
                    .divide(BigDecimal.valueOf(n), MATH);
            BigDecimal squares = returns.stream().map(r -> r.subtract(mean, MATH).pow(2, MATH))
                    .reduce(BigDecimal.ZERO, (a, b) -> a.add(b, MATH));
            BigDecimal variance = squares.divide(BigDecimal.valueOf(n - 1L), MATH);
            if (variance.signum() == 0) {
                return null;
            }
            BigDecimal perYear = BigDecimal.valueOf(barsPerYear(spec.interval()));
            return out(mean.divide(variance.sqrt(MATH), MATH).multiply(perYear.sqrt(MATH), MATH));
        }
    }

    static long barsPerYear(BarInterval interval) {
        return Duration.ofDays(365).dividedBy(interval.duration());
    }

    private static BigDecimal out(BigDecimal value) {
        return value.setScale(OUT, RoundingMode.HALF_EVEN);
    }
}
