package io.tradeplex.order.broker.paper;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.math.BigDecimal;

/** How the embedded paper broker prices its fills. */
@ConfigMapping(prefix = "tradeplex.paper")
public interface PaperConfig {
    /** Market orders fill this many basis points worse than the last tick, like crossing a spread. */
    @WithDefault("5")
    BigDecimal slippageBps();

    /** Fee charged on each fill's notional, in basis points (10 = 0.1 %, a typical taker fee). */
    @WithDefault("10")
    BigDecimal feeBps();

    /** Currency the fee is charged in. */
    @WithDefault("USD")
    String feeCurrency();
}
