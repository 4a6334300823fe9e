package io.tradeplex.strategy.market.bars;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One answer of {@code GET /api/v1/market/bars}; decimals are written as strings.
 *
 * @param next the {@code from} of the next page when the range held more than one answer may carry, else null
 */
public record BarsView(String symbol, String interval, Instant from, Instant to, List<BarView> bars, Instant next) {

    public record BarView(Instant openTime, BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close,
                          BigDecimal volume) {
    }

    static BarsView of(String symbol, BarInterval interval, Instant from, Instant to, BarService.BarPage page) {
        List<BarView> bars = page.bars().stream()
                .map(bar -> new BarView(bar.openTime(), bar.open(), bar.high(), bar.low(), bar.close(), bar.volume()))
                .toList();
        return new BarsView(symbol, interval.label(), from, to, bars, page.next());
    }
}
