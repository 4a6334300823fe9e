package io.tradeplex.strategy.market.replay;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.tradeplex.contracts.market.MarketTick;
import io.tradeplex.strategy.market.MarketFeedConfig;
import io.tradeplex.strategy.market.OutageLog;
import io.tradeplex.strategy.market.TickPublisher;
import io.tradeplex.strategy.market.bars.Bar;
import io.tradeplex.strategy.market.bars.BarHistory;
import io.tradeplex.strategy.market.bars.BarInterval;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Replays the historical bar set as a live market: every step publishes, for each replayed symbol that has a bar at
 * the next open time of the set, that bar's close as a tick.
 * <p>
 * A tick carries the time it is published, not the bar's historical time: every reader (quotes, paper fills, marks,
 * daily P&L, the live bars) treats a tick as the price of now, and a 2025 timestamp would put fills on past days.
 * Sequences work as in the simulated feed: they start at the start-up time in milliseconds and grow by one per step,
 * and with at most one step per millisecond a restarted replay always publishes above what the last run did.
 */
@ApplicationScoped
public class ReplayMarketFeed {
    static final String SOURCE = "replay";
    private static final Logger LOG = Logger.getLogger(ReplayMarketFeed.class);

    private final MarketFeedConfig feeds;
    private final ReplayFeedConfig config;
    private final BarHistory history;
    private final TickPublisher publisher;
    private final Vertx vertx;
    private final Clock clock = Clock.systemUTC();
    private final OutageLog publishOutage = new OutageLog(LOG, "Publishing replayed ticks");
    private List<List<Bar>> steps;
    private int next;
    private long sequence;
    private Long timerId;

    public ReplayMarketFeed(MarketFeedConfig feeds, ReplayFeedConfig config, BarHistory history,
                            TickPublisher publisher, Vertx vertx) {
        this.feeds = feeds;
        this.config = config;
        this.history = history;
        this.publisher = publisher;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent ignored) {
        if (feeds.feed() != MarketFeedConfig.Feed.REPLAY) {
            return;
        }
        if (!(config.speed() > 0 && config.speed() <= 1000)) {
            throw new IllegalStateException("tradeplex.market.replay.speed must be above 0 and at most 1000 bars/s");
        }
        BarInterval interval = BarInterval.ofLabel(config.interval()).orElseThrow(() -> new IllegalStateException(
                "tradeplex.market.replay.interval: no interval " + config.interval()));
        List<String> symbols = config.symbols().orElseGet(() -> List.copyOf(history.symbols(interval)));
        steps = steps(interval, symbols);
        if (steps.isEmpty()) {
            throw new IllegalStateException("The historical set has no " + interval.label() + " bars of " + symbols);
        }
        sequence = clock.millis();
        long period = Math.max(1, Math.round(1000 / config.speed()));
        timerId = vertx.setPeriodic(period, id -> publishStep());
        LOG.infof("Replay market feed started: %s %s bars, %d steps, one every %d ms%s", symbols, interval.label(),
                steps.size(), period, config.loop() ? ", looping" : "");
    }

    void stop(@Observes ShutdownEvent ignored) {
        if (timerId != null) {
            vertx.cancelTimer(timerId);
        }
    }

    /** The bars of all symbols grouped by open time, oldest first; a symbol missing a bar just skips that step. */
    private List<List<Bar>> steps(BarInterval interval, List<String> symbols) {
        Map<Instant, List<Bar>> byOpenTime = new TreeMap<>();
        for (String symbol : symbols) {
            List<Bar> bars = history.bars(symbol, interval, Instant.MIN, Instant.MAX);
            if (bars.isEmpty()) {
                throw new IllegalStateException("The historical set has no " + interval.label() + " bars of " + symbol);
            }
            bars.forEach(bar -> byOpenTime.computeIfAbsent(bar.openTime(), time -> new ArrayList<>()).add(bar));
        }
        return List.copyOf(byOpenTime.values());
    }

    /** Runs on the timer's event-loop thread only, so the position and the sequence need no locking. */
    private void publishStep() {
        if (next == steps.size()) {
            if (!config.loop()) {
                vertx.cancelTimer(timerId);
                LOG.info("Replay market feed finished: the last bar of the set was published");
                return;
            }
            next = 0;
        }
        long stepSequence = sequence++;
        Instant now = clock.instant();
        for (Bar bar : steps.get(next++)) {
            MarketTick tick = new MarketTick(MarketTick.SCHEMA_VERSION, bar.symbol(), bar.close(), SOURCE,
                    stepSequence, now);
            publisher.publish(tick).subscribe().with(ok -> publishOutage.succeeded(), publishOutage::failed);
        }
    }
}
