package io.tradeplex.strategy.market;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tradeplex.contracts.market.MarketTick;
import io.tradeplex.kit.kafka.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Keeps the latest quotes from the tick topic. No inbox here: a tick is applied only if its sequence is newer than
 * the one held (in memory and in the upsert), so a redelivered or late tick changes nothing by construction.
 */
@ApplicationScoped
public class MarketTickConsumer {
    private static final Logger LOG = Logger.getLogger(MarketTickConsumer.class);

    private final LatestQuotes quotes;
    private final QuoteRepository repository;
    private final OutageLog storeOutage = new OutageLog(LOG, "Storing quotes");

    public MarketTickConsumer(LatestQuotes quotes, QuoteRepository repository) {
        this.quotes = quotes;
        this.repository = repository;
    }

    @Incoming("market-ticks")
    public Uni<Void> onTick(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.of(record);
        if (!event.is(MarketTick.TYPE)) {
            return Uni.createFrom().voidItem();
        }
        Quote quote = Quote.of(event.decode(MarketTick.class));
        if (!quotes.offer(quote)) {
            return Uni.createFrom().voidItem();
        }
        // The table only speeds up a restart; the next tick supersedes this one, so a failed write is not retried
        // and does not hold up the stream.
        return Panache.withTransaction(() -> repository.upsert(quote))
                .invoke(storeOutage::succeeded)
                .onFailure().invoke(storeOutage::failed)
                .onFailure().recoverWithNull();
    }
}
