package io.tradeplex.order.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tradeplex.contracts.orders.OrderStatus;
import io.tradeplex.order.broker.binance.BinanceBroker;
import io.tradeplex.order.broker.kite.KiteBroker;
import io.tradeplex.order.broker.paper.PaperBroker;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * Business metrics of the order lifecycle on {@code /q/metrics}. Tags stay bounded: a status, a known broker name (any
 * other name counts as {@code other}) and a rule code from the rejection catalogue; never a user, order or symbol.
 * <p>
 * Recorded where the event goes into the outbox, inside its transaction: a transaction that then rolls back (a lost
 * race on the order's row, a failed commit) has already counted.
 */
@ApplicationScoped
public class OrderMetrics {
    private static final Set<String> BROKERS = Set.of(PaperBroker.NAME, BinanceBroker.NAME, KiteBroker.NAME);

    private final MeterRegistry registry;

    public OrderMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** An order moved to {@code status} (ACCEPTED, PARTIALLY_FILLED, FILLED, REJECTED, CANCELLED). */
    public void transition(OrderStatus status, String broker) {
        Counter.builder("tradeplex.orders")
                .description("Order lifecycle transitions, by the status reached")
                .tag("status", status.name())
                .tag("broker", brokerTag(broker))
                .register(registry)
                .increment();
    }

    /** An order refused by a pre-trade rule (risk limits, kill switches, eligibility), on the API or command path. */
    public void riskRejection(String rule) {
        Counter.builder("tradeplex.risk.rejections")
                .description("Orders refused by a pre-trade rule, by the rule's code")
                .tag("rule", rule == null ? "unknown" : rule)
                .register(registry)
                .increment();
    }

    /** An order filled completely: the time from its acceptance to the last fill. */
    public void filled(String broker, Instant acceptedAt, Instant filledAt) {
        if (acceptedAt == null || filledAt == null) {
            return;
        }
        Duration latency = Duration.between(acceptedAt, filledAt);
        Timer.builder("tradeplex.orders.fill.latency")
                .description("From an order's acceptance to its complete fill")
                .tag("broker", brokerTag(broker))
                .publishPercentileHistogram()
                .register(registry)
                .record(latency.isNegative() ? Duration.ZERO : latency);
    }

    private static String brokerTag(String broker) {
        return broker != null && BROKERS.contains(broker) ? broker : "other";
    }
}
