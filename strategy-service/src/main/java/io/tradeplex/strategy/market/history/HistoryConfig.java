package io.tradeplex.strategy.market.history;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;

/** The historical bar set served with the live bars and used by backtests and the replay feed. */
@ConfigMapping(prefix = "tradeplex.market.history")
public interface HistoryConfig {

    /**
     * Classpath resources of the set, each named {@code <SYMBOL>-<interval>.csv} (e.g. {@code BTC-USD-1h.csv}) with the
     * header {@code openTime,open,high,low,close,volume}, one bar per line, oldest first.
     */
    @WithDefault("history/BTC-USD-1h.csv,history/ETH-USD-1h.csv")
    List<String> resources();
}
