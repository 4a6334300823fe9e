package io.tradeplex.order.broker.paper;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * How the embedded paper broker prices and sizes its fills. Each key under {@code symbols."<SYMBOL>"} overrides the
 * default of the same name for that symbol only.
 */
@ConfigMapping(prefix = "tradeplex.paper")
public interface PaperConfig {
    /** Market orders fill this many basis points worse than the tick, like crossing a spread. */
    @WithDefault("5")
    BigDecimal slippageBps();

    /** Fee on a fill's notional in basis points (10 = 0.1 %): the taker fee, and the maker fee unless that is set. */
    @WithDefault("10")
    BigDecimal feeBps();

    /** Fee for a limit order that rested in the book and was then filled by a later tick; defaults to fee-bps. */
    Optional<BigDecimal> makerFeeBps();

    /** Currency the fee is charged in. */
    @WithDefault("USD")
    String feeCurrency();

    /**
     * What one tick offers one order, as notional in the symbol's quote currency: an order worth more fills this much
     * per tick (PARTIALLY_FILLED) and the rest on the following ticks.
     */
    @WithDefault("250000")
    BigDecimal depthUsd();

    /** Per-symbol overrides, e.g. {@code tradeplex.paper.symbols."BTC-USD".fee-bps=8}. */
    Map<String, Symbol> symbols();

    interface Symbol {
        Optional<BigDecimal> slippageBps();

        Optional<BigDecimal> feeBps();

        Optional<BigDecimal> makerFeeBps();

        Optional<BigDecimal> depthUsd();
    }
}
