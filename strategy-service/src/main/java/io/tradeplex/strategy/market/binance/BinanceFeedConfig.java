package io.tradeplex.strategy.market.binance;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;

/** The Binance feed ({@code tradeplex.market.feed=binance}): public trades of Binance Spot, no keys needed. */
@ConfigMapping(prefix = "tradeplex.market.binance")
public interface BinanceFeedConfig {

    /**
     * The combined-stream endpoint; the stream names are appended as {@code ?streams=}. The market-data-only
     * {@code wss://data-stream.binance.vision/stream} works too.
     */
    @WithDefault("wss://stream.binance.com:9443/stream")
    String url();

    /**
     * Our symbol and Binance's, as {@code SYMBOL:binancesymbol} pairs. Binance quotes in USDT (Tether): BTC-USD here is
     * BTCUSDT there.
     */
    @WithDefault("BTC-USD:btcusdt,ETH-USD:ethusdt")
    List<String> symbols();

    /** The wait before the first reconnection after the stream closes or fails; it doubles with each failed try. */
    @WithDefault("PT1S")
    Duration reconnectDelay();

    /** The longest wait between two reconnections. */
    @WithDefault("PT1M")
    Duration maxReconnectDelay();

    /**
     * A connection that receives nothing for this long is closed and opened again. Binance pings every 20 seconds
     * (older documentation: every 3 minutes), so a silent connection is a dead one that TCP has not noticed.
     */
    @WithDefault("PT5M")
    Duration idleTimeout();
}
