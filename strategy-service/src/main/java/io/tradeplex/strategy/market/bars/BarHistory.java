package io.tradeplex.strategy.market.bars;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Historical bars, for backtests (and for warming a strategy's indicators up when it starts). */
public interface BarHistory {
    /** The symbols and intervals this history holds bars of. */
    Set<String> symbols(BarInterval interval);

    /** Bars of the symbol whose open time lies in [from, to), oldest first; empty if none are known. */
    List<Bar> bars(String symbol, BarInterval interval, Instant from, Instant to);
}
