package io.tradeplex.strategy.signal;

import io.smallrye.mutiny.Uni;
import io.tradeplex.contracts.Topics;
import io.tradeplex.contracts.orders.OrderFilled;
import io.tradeplex.contracts.orders.OrderRejected;
import io.tradeplex.contracts.orders.OrderStatus;
import io.tradeplex.contracts.strategies.StrategySignal;
import io.tradeplex.contracts.strategies.StrategySignalRejected;
import io.tradeplex.kit.inbox.Inbox;
import io.tradeplex.kit.kafka.IncomingEvent;
import io.tradeplex.kit.outbox.Outbox;
import io.tradeplex.kit.tenant.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Instant;
import java.util.UUID;

/**
 * What became of strategies' orders. A risk rejection is told back on the strategy's own topic
 * ({@link StrategySignalRejected}) with the rule's code and reason, and the signal reads REJECTED; a complete fill
 * marks it FILLED. Only orders whose client order id is a strategy's ({@code s:…}) are looked at; each event is
 * applied once (inbox).
 */
@ApplicationScoped
public class OrderOutcomes {
    static final String INBOX_CONSUMER = "strategy-order-outcomes";

    private final Inbox inbox;
    private final SignalRepository signals;
    private final Outbox outbox;

    public OrderOutcomes(Inbox inbox, SignalRepository signals, Outbox outbox) {
        this.inbox = inbox;
        this.signals = signals;
        this.outbox = outbox;
    }

    @Incoming("order-outcomes")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.of(record);
        if (event.is(OrderRejected.TYPE)) {
            OrderRejected rejected = event.decode(OrderRejected.class);
            if (StrategySignal.isStrategyOrder(rejected.clientOrderId())) {
                return once(event, rejected.userId(), () -> rejected(rejected));
            }
        } else if (event.is(OrderFilled.TYPE)) {
            OrderFilled filled = event.decode(OrderFilled.class);
            if (StrategySignal.isStrategyOrder(filled.clientOrderId()) && filled.status() == OrderStatus.FILLED) {
                return once(event, filled.userId(), () -> filled(filled));
            }
        }
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> once(IncomingEvent event, UUID userId, java.util.function.Supplier<Uni<Void>> apply) {
        return Tenant.transaction(userId, () -> inbox.firstDelivery(INBOX_CONSUMER, event.id())
                .chain(first -> first ? apply.get() : Uni.createFrom().voidItem()));
    }

    private Uni<Void> rejected(OrderRejected rejected) {
        return signals.findOwned(rejected.userId(), rejected.orderId()).chain(signal -> {
            if (signal == null) {
                return Uni.createFrom().voidItem();
            }
            signal.status = SignalEntity.REJECTED;
            signal.rejectCode = rejected.rejectCode();
            signal.rejectReason = rejected.rejectReason();
            signal.updatedAt = Instant.now();
            String user = rejected.userId().toString();
            return outbox.add(Topics.STRATEGIES, user, user, new StrategySignalRejected(
                    StrategySignalRejected.SCHEMA_VERSION, rejected.userId(), signal.strategyId, rejected.orderId(),
                    rejected.clientOrderId(), rejected.symbol(), rejected.rejectCode(), rejected.rejectReason(),
                    rejected.rejectedAt())).replaceWithVoid();
        });
    }

    private Uni<Void> filled(OrderFilled filled) {
        return signals.findOwned(filled.userId(), filled.orderId()).invoke(signal -> {
            if (signal != null) {
                signal.status = SignalEntity.FILLED;
                signal.updatedAt = Instant.now();
            }
        }).replaceWithVoid();
    }
}
