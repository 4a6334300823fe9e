package io.tradeplex.order.broker.kite;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * Zerodha Kite Connect v3 by configuration alone ({@code TRADEPLEX_BROKERS_KITE_*}). Each account trades with its own
 * api key and the day's access token from user-service's vault.
 */
@ConfigMapping(prefix = "tradeplex.brokers.kite")
public interface KiteConfig {
    @WithDefault("https://api.kite.trade")
    String baseUrl();

    /** How long a call may take before its answer counts as lost (a placement is then looked up by tag). */
    @WithDefault("10s")
    Duration timeout();

    /**
     * The exchange of a symbol whose second leg is {@code INR} ({@code INFY-INR} is {@code INFY} on this exchange); a
     * symbol naming an exchange ({@code INFY-BSE}) trades there.
     */
    @WithDefault("NSE")
    String defaultExchange();

    /** Kite's product for every order: {@code CNC} (delivery), {@code MIS} (intraday), {@code NRML}, {@code MTF}. */
    @WithDefault("CNC")
    String product();

    /**
     * {@code market_protection} sent with MARKET orders: {@code -1} lets Kite choose the protection band, 0 &lt; p ≤ 100
     * caps the price at p % from the last price (Kite turns the order into a LIMIT at that price). Kite refuses MARKET
     * orders through the API with 0 (no protection).
     */
    @WithDefault("-1")
    String marketProtection();

    /**
     * How long a placement whose answer was lost is looked for in the day's orderbook, counted from the end of the
     * request. Kite writes an order to the orderbook when it receives it, before it answers; so an order still absent
     * this long after our request ended never reached Kite, and is refused rather than left in doubt.
     */
    @WithDefault("15s")
    Duration lostOrderGrace();

    /** A MARKET order is read back this many times (every {@link #followInterval}) until Kite ends it; postbacks and reconciliation take over after. */
    @WithDefault("3")
    int followAttempts();

    @WithDefault("500ms")
    Duration followInterval();
}
