package io.tradeplex.strategy.market;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tradeplex.contracts.market.MarketTick;
import io.tradeplex.kit.kafka.IncomingEvent;
import io.tradeplex.strategy.market.bars.Bar;
import io.tradeplex.strategy.market.bars.BarClosed;
import io.tradeplex.strategy.market.bars.BarRepository;
import io.tradeplex.strategy.market.bars.LiveBars;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * Keeps the latest quotes and builds the live bars from the tick topic. Every instance reads every tick (a group of
 * its own, from the live end), so each has the quotes and bars in memory and announces {@link BarClosed} to its own
 * strategies; all of them write the same rows, idempotently. Most ticks touch only memory: quotes are written by
 * {@link QuoteStore} once a second, and only a tick that closes bars waits for the database.
 * <p>
 * No inbox here: a tick is applied only if it is newer than the quote held (in memory and in the upsert), so a
 * redelivered or late tick changes nothing by construction, and the aggregators see each symbol's ticks in order.
 * Ticks are handled one at a time (the method returns a Uni), which keeps the bars of a symbol and interval, and
 * their events, in order.
 */
@ApplicationScoped
public class MarketTickConsumer {
    private static final Logger LOG = Logger.getLogger(MarketTickConsumer.class);

    private final LatestQuotes quotes;
    private final QuoteStore store;
    private final LiveBars bars;
    private final BarRepository barRepository;
    private final OutageLog storeOutage = new OutageLog(LOG, "Storing bars");

    public MarketTickConsumer(LatestQuotes quotes, QuoteStore store, LiveBars bars, BarRepository barRepository) {
        this.quotes = quotes;
        this.store = store;
        this.bars = bars;
        this.barRepository = barRepository;
    }

    @Incoming("market-ticks")
    public Uni<Void> onTick(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.of(record);
        if (!event.is(MarketTick.TYPE)) {
            return Uni.createFrom().voidItem();
        }
        MarketTick tick = event.decode(MarketTick.class);
        Quote quote = Quote.of(tick);
        if (!quotes.offer(quote)) {
            return Uni.createFrom().voidItem();
        }
        store.offer(quote);
        List<Bar> closed = bars.aggregate(tick);
        if (closed.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        // A bar another instance did not store is lost from the history, but holding up the stream for it would
        // stall every strategy. So a failed write is logged, not retried, and the bars are announced all the same.
        return Panache.withTransaction(() -> barRepository.insert(closed))
                .invoke(storeOutage::succeeded)
                .onFailure().invoke(storeOutage::failed)
                .onFailure().recoverWithNull()
                .invoke(() -> bars.announce(closed));
    }
}
