package io.tradeplex.portfolio.daily;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Daily P&L tracking and the daily-loss protection ({@code TRADEPLEX_PORTFOLIO_DAILY_*}). */
@ConfigMapping(prefix = "tradeplex.portfolio.daily")
public interface DailyPnlConfig {
    /** How often the owned users' open positions are marked and their daily-loss limits checked; 0 turns it off. */
    @WithDefault("1s")
    Duration evaluateEvery();

    /**
     * How often a user's day P&L that only the marks moved is published. A fill, a new day or a breach publishes at
     * the next evaluation whatever this says; the limit check itself runs every {@link #evaluateEvery()}.
     */
    @WithDefault("30s")
    Duration markPublishEvery();
}
