package io.tradeplex.strategy.market.replay;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;
import java.util.Optional;

/** The replay feed ({@code tradeplex.market.feed=replay}): the historical bar set's closes, published as ticks. */
@ConfigMapping(prefix = "tradeplex.market.replay")
public interface ReplayFeedConfig {

    /** Bars replayed per second; each step publishes the next bar's close of every replayed symbol. */
    @WithDefault("1")
    double speed();

    /** Whether to start again from the first bar after the last (prices then jump back to where the set begins). */
    @WithDefault("true")
    boolean loop();

    /** Which bars of the historical set to replay, by interval label. */
    @WithDefault("1h")
    String interval();

    /** The symbols replayed; all those the set holds for the interval when absent. */
    Optional<List<String>> symbols();
}
