package io.tradeplex.user.brokers;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Where the brokers are. Tests point these at local fakes; Binance's testnet works by changing the base URL alone. */
@ConfigMapping(prefix = "tradeplex.brokers")
public interface BrokersConfig {
    Binance binance();

    Kite kite();

    /** How long to wait for a broker to accept the connection. */
    @WithDefault("3s")
    Duration connectTimeout();

    /** How long to wait for a broker's answer. */
    @WithDefault("10s")
    Duration readTimeout();

    interface Binance {
        /** REST base URL; {@code https://testnet.binance.vision} for the testnet. */
        @WithDefault("https://api.binance.com")
        String baseUrl();

        /** Milliseconds a signed request stays valid after its timestamp (Binance allows up to 60000). */
        @WithDefault("5000")
        long recvWindow();
    }

    interface Kite {
        /** Kite Connect's REST base URL. */
        @WithDefault("https://api.kite.trade")
        String baseUrl();

        /** Where the user's browser logs in to Kite; its redirect brings the request_token. */
        @WithDefault("https://kite.zerodha.com/connect/login")
        String loginUrl();
    }
}
