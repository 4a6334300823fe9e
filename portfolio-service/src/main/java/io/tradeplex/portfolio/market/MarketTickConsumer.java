package io.tradeplex.portfolio.market;

import io.smallrye.mutiny.Uni;
import io.tradeplex.contracts.market.MarketTick;
import io.tradeplex.kit.kafka.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Feeds the mark prices. No inbox: a repeated or late tick loses to the newer sequence already held. */
@ApplicationScoped
public class MarketTickConsumer {
    private final MarkPrices marks;

    public MarketTickConsumer(MarkPrices marks) {
        this.marks = marks;
    }

    @Incoming("market-ticks")
    public Uni<Void> onTick(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.of(record);
        if (event.is(MarketTick.TYPE)) {
            marks.offer(event.decode(MarketTick.class));
        }
        return Uni.createFrom().voidItem();
    }
}
