package io.tradeplex.strategy.runtime;

import io.smallrye.mutiny.Uni;
import io.tradeplex.contracts.strategies.StrategyFailed;
import io.tradeplex.contracts.strategies.StrategyStarted;
import io.tradeplex.contracts.strategies.StrategyStopped;
import io.tradeplex.kit.kafka.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Starts and stops strategies on the instance that owns their user: the REST call commits the status and its event
 * together, and the event reaches exactly the consumer holding that user's partition. Activation reads the status
 * back, so a start followed at once by a stop never leaves a strategy running. Signals and other events are skipped.
 */
@ApplicationScoped
public class StrategyEventsConsumer {
    private final LiveStrategies live;

    public StrategyEventsConsumer(LiveStrategies live) {
        this.live = live;
    }

    @Incoming("strategy-events")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.of(record);
        if (event.is(StrategyStarted.TYPE)) {
            StrategyStarted started = event.decode(StrategyStarted.class);
            return live.activate(started.userId(), started.strategyId());
        }
        if (event.is(StrategyStopped.TYPE)) {
            return live.deactivate(event.decode(StrategyStopped.class).strategyId());
        }
        if (event.is(StrategyFailed.TYPE)) {
            return live.deactivate(event.decode(StrategyFailed.class).strategyId());
        }
        return Uni.createFrom().voidItem();
    }
}
