package io.tradeplex.strategy.market;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Which market-data feed this instance publishes on the tick topic. */
@ConfigMapping(prefix = "tradeplex.market")
public interface MarketFeedConfig {

    /** Run one feed in a deployment (on one instance): two feeds would show readers two markets. */
    enum Feed {
        /** A seeded random walk of several symbols (see {@link SimulatedFeedConfig}). */
        SIMULATED,
        /** The historical bar set's closes, one bar per step (see {@code replay/ReplayFeedConfig}). */
        REPLAY,
        /** Binance's public trade stream (see {@code binance/BinanceFeedConfig}). */
        BINANCE
    }

    /** {@code simulated}, {@code replay} or {@code binance}. */
    @WithDefault("simulated")
    Feed feed();
}
