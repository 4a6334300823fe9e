package io.tradeplex.strategy.market.bars;

/**
 * A CDI event fired once for each bar that closes in the live feed (every symbol, every interval), in order per
 * symbol and interval: what running strategies react to.
 */
public record BarClosed(Bar bar) {
}
