package io.tradeplex.order.broker.binance;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Binance Spot by configuration alone: the public testnet is {@code https://testnet.binance.vision}. */
@ConfigMapping(prefix = "tradeplex.brokers.binance")
public interface BinanceConfig {
    @WithDefault("https://api.binance.com")
    String baseUrl();

    /** Binance drops a signed request older than this when it arrives (max 60000). */
    @WithDefault("5000")
    long recvWindow();

    /** Our {@code BTC-USD} is Binance's {@code BTCUSDT}: the USD leg trades against this stablecoin. */
    @WithDefault("USDT")
    String usdQuoteAsset();

    @WithDefault("10s")
    Duration timeout();
}
