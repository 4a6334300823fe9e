package io.tradeplex.order.market;

import io.smallrye.mutiny.Uni;
import io.tradeplex.contracts.market.MarketTick;
import io.tradeplex.kit.kafka.IncomingEvent;
import io.tradeplex.order.broker.paper.PaperBroker;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

@ApplicationScoped
public class MarketTickConsumer {
    private final LatestPrices prices;
    private final PaperBroker paperBroker;

    public MarketTickConsumer(LatestPrices prices, PaperBroker paperBroker) {
        this.prices = prices;
        this.paperBroker = paperBroker;
    }

    @Incoming("market-ticks")
    public Uni<Void> onTick(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.of(record);
        if (!event.is(MarketTick.TYPE)) {
            return Uni.createFrom().voidItem();
        }
        MarketTick tick = event.decode(MarketTick.class);
        return prices.update(tick) ? paperBroker.onTick(tick) : Uni.createFrom().voidItem();
    }
}
