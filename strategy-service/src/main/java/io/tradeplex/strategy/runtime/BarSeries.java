package io.tradeplex.strategy.runtime;

import io.tradeplex.strategy.market.bars.BarInterval;

/** One symbol's bars of one interval: what a strategy watches, and what its fresh runs warm up on. */
record BarSeries(String symbol, BarInterval interval) {
}
