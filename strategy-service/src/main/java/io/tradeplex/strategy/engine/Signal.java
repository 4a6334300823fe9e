package io.tradeplex.strategy.engine;

import io.tradeplex.contracts.orders.Side;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * What a run wants done after a bar closed: buy (an entry) or sell everything it holds (an exit), at market.
 *
 * @param barTime        open time of the bar that gave the signal
 * @param leg            0 for an entry, 1 for an exit; strategy id + barTime + leg never repeats for one strategy,
 *                       since a bar gives at most one signal
 * @param reason         for people: the indicator values behind the signal
 * @param referencePrice the bar's close, which the run assumes as its fill price
 */
public record Signal(Side side, BigDecimal quantity, SignalKind kind, Instant barTime, int leg, String reason,
                     BigDecimal referencePrice) {

    public Signal {
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(barTime, "barTime");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(referencePrice, "referencePrice");
    }

    static Signal of(SignalKind kind, BigDecimal quantity, Instant barTime, String reason, BigDecimal close) {
        return new Signal(kind == SignalKind.ENTRY ? Side.BUY : Side.SELL, quantity, kind, barTime, kind.leg(), reason,
                close);
    }
}
