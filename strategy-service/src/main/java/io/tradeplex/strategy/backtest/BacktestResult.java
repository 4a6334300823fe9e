package io.tradeplex.strategy.backtest;

import io.tradeplex.contracts.orders.Side;
import io.tradeplex.strategy.engine.SignalKind;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What a backtest found. Amounts are USD; ratios are fractions (0.05 = 5 %); every decimal goes on the wire as a
 * string. See {@link BacktestSimulator} for how each figure is computed.
 *
 * @param totalReturn      finalEquityUsd / initialCapitalUsd − 1
 * @param winRate          winning round trips over closed round trips; null when none closed
 * @param maxDrawdown      the largest fall of equity from its running peak, as a fraction of that peak
 * @param maxDrawdownUsd   the largest fall in USD (it may come at another point than the largest fraction)
 * @param sharpeRatio      mean over sample standard deviation of the per-bar returns, × √(bars per 365-day year),
 *                         risk-free rate 0; null with fewer than two bars or returns that never vary
 * @param skippedSignals   entries the cash could not pay for, and the exits of those entries
 * @param openPositions    symbols still held at the end, valued at their last close in finalEquityUsd
 */
public record BacktestResult(BigDecimal initialCapitalUsd, BigDecimal finalEquityUsd, BigDecimal totalReturn,
                             int numberOfTrades, int roundTrips, int winningRoundTrips, BigDecimal winRate,
                             BigDecimal maxDrawdown, BigDecimal maxDrawdownUsd, BigDecimal sharpeRatio,
                             BigDecimal feesUsd, int skippedSignals, List<String> openPositions, int bars,
                             List<Trade> trades, List<EquityPoint> equityCurve) {

    /**
     * One fill.
     *
     * @param time        the open of the bar it filled at
     * @param signalTime  the open of the bar whose close gave the signal
     * @param realizedPnl for a SELL, the round trip's net result: proceeds − both fees − the buy's notional; 0 for a BUY
     */
    public record Trade(Instant time, String symbol, Side side, BigDecimal quantity, BigDecimal price, BigDecimal fee,
                        BigDecimal realizedPnl, SignalKind kind, Instant signalTime, String reason) {
    }

    /** Cash plus holdings at their last close, at the close of the bars that end at {@code time}. */
    public record EquityPoint(Instant time, BigDecimal equityUsd) {
    }
}
