package io.tradeplex.strategy.market;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The simulated market-data feed: which symbols it prices, how they move and how often. */
@ConfigMapping(prefix = "tradeplex.market.simulated")
public interface SimulatedFeedConfig {

    /**
     * Whether this instance publishes simulated ticks when {@code tradeplex.market.feed} is {@code simulated}; run it
     * on one instance only, or readers see two markets.
     */
    @WithDefault("true")
    boolean enabled();

    /** The symbols priced, in publishing order. */
    @WithDefault("BTC-USD,ETH-USD,SOL-USD,BNB-USD,XRP-USD,ADA-USD")
    List<String> symbols();

    /**
     * Opening price per symbol, used only when the quotes table has no later price. Every symbol needs one; the
     * defaults for the default symbols are in application.properties.
     */
    Map<String, BigDecimal> initialPrices();

    /** Price increment per symbol: every published price is a multiple of it. */
    @WithDefault("0.01")
    Map<String, BigDecimal> tickSizes();

    /** Seed of the random walk: the same seed and opening prices give the same prices, tick after tick. */
    @WithDefault("42")
    long seed();

    /** Time between two rounds of ticks (one tick per symbol each round). */
    @WithDefault("PT0.5S")
    Duration tickInterval();

    /** Standard deviation of one tick's log return (0.0005 = 0.05 % per tick). */
    @WithDefault("0.0005")
    double volatility();
}
