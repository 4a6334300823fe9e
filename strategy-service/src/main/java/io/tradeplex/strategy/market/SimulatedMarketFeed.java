package io.tradeplex.strategy.market;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.tradeplex.contracts.market.MarketTick;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Publishes one simulated tick per symbol every tick interval.
 * <p>
 * Prices resume from the latest stored quotes, so a restart does not jump the market back to its opening prices (and
 * every open position with it). Sequences start at the start-up time in milliseconds and grow by one per round: with
 * at most one round per millisecond, a restarted feed always starts above anything its previous run published, so the
 * sequence of a symbol stays strictly increasing across restarts without any stored counter.
 */
@ApplicationScoped
public class SimulatedMarketFeed {
    static final String SOURCE = "simulated";
    private static final Logger LOG = Logger.getLogger(SimulatedMarketFeed.class);

    private final MarketFeedConfig feeds;
    private final SimulatedFeedConfig config;
    private final LatestQuotes quotes;
    private final TickPublisher publisher;
    private final Vertx vertx;
    private final Clock clock;
    private final OutageLog publishOutage = new OutageLog(LOG, "Publishing simulated ticks");
    private RandomWalk walk;
    private long sequence;
    private Long timerId;

    public SimulatedMarketFeed(MarketFeedConfig feeds, SimulatedFeedConfig config, LatestQuotes quotes,
                               TickPublisher publisher, Vertx vertx) {
        this.feeds = feeds;
        this.config = config;
        this.quotes = quotes;
        this.publisher = publisher;
        this.vertx = vertx;
        this.clock = Clock.systemUTC();
    }

    void start(@Observes StartupEvent ignored) {
        if (feeds.feed() != MarketFeedConfig.Feed.SIMULATED) {
            return;
        }
        if (!config.enabled()) {
            LOG.info("Simulated market feed disabled");
            return;
        }
        walk = new RandomWalk(config.seed(), config.volatility(), instruments());
        sequence = clock.millis();
        timerId = vertx.setPeriodic(config.tickInterval().toMillis(), id -> publishRound());
        LOG.infof("Simulated market feed started: %s every %s", walk.symbols(), config.tickInterval());
    }

    void stop(@Observes ShutdownEvent ignored) {
        if (timerId != null) {
            vertx.cancelTimer(timerId);
        }
    }

    /** Runs on the timer's event-loop thread only, so the walk and the sequence need no locking. */
    private void publishRound() {
        long roundSequence = sequence++;
        Instant now = clock.instant();
        for (String symbol : walk.symbols()) {
            MarketTick tick = new MarketTick(MarketTick.SCHEMA_VERSION, symbol, walk.next(symbol), SOURCE, roundSequence, now);
            publisher.publish(tick).subscribe().with(ok -> publishOutage.succeeded(), publishOutage::failed);
        }
    }

    private List<RandomWalk.Instrument> instruments() {
        List<RandomWalk.Instrument> instruments = new ArrayList<>();
        for (String symbol : config.symbols()) {
            BigDecimal price = quotes.get(symbol).map(Quote::price)
                    .orElseGet(() -> config.initialPrices().get(symbol));
            if (price == null) {
                throw new IllegalStateException("tradeplex.market.simulated.initial-prices." + symbol + " is not set");
            }
            instruments.add(new RandomWalk.Instrument(symbol, price, config.tickSizes().get(symbol)));
        }
        return instruments;
    }
}
