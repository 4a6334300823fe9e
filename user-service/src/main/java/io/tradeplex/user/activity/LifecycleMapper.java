package io.tradeplex.user.activity;

import io.tradeplex.contracts.audit.AuditEvent;
import io.tradeplex.contracts.orders.OrderAccepted;
import io.tradeplex.contracts.orders.OrderCancelled;
import io.tradeplex.contracts.orders.OrderFilled;
import io.tradeplex.contracts.orders.OrderRejected;
import io.tradeplex.contracts.orders.OrderType;
import io.tradeplex.contracts.strategies.StrategyFailed;
import io.tradeplex.contracts.strategies.StrategySignal;
import io.tradeplex.contracts.strategies.StrategySignalRejected;
import io.tradeplex.contracts.strategies.StrategyStarted;
import io.tradeplex.contracts.strategies.StrategyStopped;
import io.tradeplex.kit.kafka.IncomingEvent;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The order and strategy lifecycle (orders.v1, strategies.v1) as activity entries. order-service and strategy-service
 * do not repeat these on audit.v1: the activity log reads their public events, so a fill costs the hot order path
 * nothing extra.
 * <p>
 * The actor is the user for what they did themselves (placed, cancelled, started, stopped); null for what the
 * platform did on their behalf: fills, failures, a strategy's signals and orders, a stop or cancel by the system.
 */
final class LifecycleMapper {
    static final String ORDER = "order";
    static final String STRATEGY = "strategy";
    /** The reason column holds 100 characters; codes are far shorter, this only keeps a bad producer from failing us. */
    private static final int MAX_REASON_LENGTH = 100;

    private LifecycleMapper() {
    }

    /** @return the entry for a known order or strategy event; empty for any other type, which the log skips */
    static Optional<ActivityEntry> fromEvent(IncomingEvent event) {
        String type = event.type() == null ? "" : event.type();
        return Optional.ofNullable(switch (type) {
            case OrderAccepted.TYPE -> accepted(event.id(), event.decode(OrderAccepted.class));
            case OrderFilled.TYPE -> filled(event.id(), event.decode(OrderFilled.class));
            case OrderCancelled.TYPE -> cancelled(event.id(), event.decode(OrderCancelled.class));
            case OrderRejected.TYPE -> rejected(event.id(), event.decode(OrderRejected.class));
            case StrategyStarted.TYPE -> started(event.id(), event.decode(StrategyStarted.class));
            case StrategyStopped.TYPE -> stopped(event.id(), event.decode(StrategyStopped.class));
            case StrategyFailed.TYPE -> failed(event.id(), event.decode(StrategyFailed.class));
            case StrategySignal.TYPE -> signal(event.id(), event.decode(StrategySignal.class));
            case StrategySignalRejected.TYPE -> signalRejected(event.id(), event.decode(StrategySignalRejected.class));
            default -> null;
        });
    }

    private static ActivityEntry accepted(String eventId, OrderAccepted e) {
        Map<String, String> details = details("symbol", e.symbol(), "side", e.side().name(), "type", e.type().name(),
                "quantity", plain(e.quantity()), "limitPrice", plain(e.limitPrice()), "clientOrderId", e.clientOrderId(),
                "broker", e.broker());
        String summary = "order.accepted " + e.side() + " " + plain(e.quantity()) + " " + e.symbol() + " " + e.type()
                + (e.type() == OrderType.LIMIT && e.limitPrice() != null ? " @ " + plain(e.limitPrice()) : "");
        return entry(eventId, e.userId(), e.acceptedAt(), placedBy(e.userId(), e.clientOrderId()), ORDER,
                "order.accepted", AuditEvent.ALLOWED, null, e.accountId(), order(e.orderId()), summary, details);
    }

    private static ActivityEntry filled(String eventId, OrderFilled e) {
        Map<String, String> details = details("symbol", e.symbol(), "side", e.side().name(), "fillId", e.fillId(),
                "quantity", plain(e.fillQuantity()), "price", plain(e.fillPrice()), "fee", plain(e.fee()),
                "feeCurrency", e.feeCurrency(), "filledQuantity", plain(e.filledQuantity()),
                "avgFillPrice", plain(e.avgFillPrice()), "status", e.status().name(), "clientOrderId", e.clientOrderId());
        String summary = "order.filled " + e.side() + " " + plain(e.fillQuantity()) + " " + e.symbol() + " @ "
                + plain(e.fillPrice()) + " (" + e.status() + ")";
        return entry(eventId, e.userId(), e.filledAt(), null, ORDER, "order.filled", AuditEvent.ALLOWED, null,
                e.accountId(), order(e.orderId()), summary, details);
    }

    private static ActivityEntry cancelled(String eventId, OrderCancelled e) {
        boolean byUser = OrderCancelled.BY_USER.equals(e.reason());
        Map<String, String> details = details("symbol", e.symbol(), "filledQuantity", plain(e.filledQuantity()),
                "reason", e.reason(), "clientOrderId", e.clientOrderId());
        String summary = "order.cancelled " + e.symbol() + " after " + plain(e.filledQuantity()) + " filled"
                + (e.reason() == null ? "" : ": " + e.reason());
        return entry(eventId, e.userId(), e.cancelledAt(), byUser ? e.userId() : null, ORDER, "order.cancelled",
                AuditEvent.ALLOWED, null, e.accountId(), order(e.orderId()), summary, details);
    }

    private static ActivityEntry rejected(String eventId, OrderRejected e) {
        Map<String, String> details = details("symbol", e.symbol(), "rejectReason", e.rejectReason(),
                "clientOrderId", e.clientOrderId());
        String summary = "order.rejected " + e.symbol() + " (" + e.rejectCode() + ")"
                + (e.rejectReason() == null ? "" : ": " + e.rejectReason());
        return entry(eventId, e.userId(), e.rejectedAt(), placedBy(e.userId(), e.clientOrderId()), ORDER,
                "order.rejected", AuditEvent.DENIED, e.rejectCode(), e.accountId(), order(e.orderId()), summary, details);
    }

    private static ActivityEntry started(String eventId, StrategyStarted e) {
        String symbols = String.join(",", e.symbols());
        Map<String, String> details = details("template", e.template(), "symbols", symbols, "interval", e.interval());
        String summary = "strategy.started " + e.template() + " on " + symbols + " (" + e.interval() + ")";
        return entry(eventId, e.userId(), e.startedAt(), e.userId(), STRATEGY, "strategy.started", AuditEvent.ALLOWED,
                null, e.accountId(), strategy(e.strategyId()), summary, details);
    }

    private static ActivityEntry stopped(String eventId, StrategyStopped e) {
        boolean byUser = "user".equals(e.stoppedBy());
        Map<String, String> details = details("stoppedBy", e.stoppedBy(), "reason", e.reason());
        String summary = "strategy.stopped by " + e.stoppedBy() + (e.reason() == null ? "" : ": " + e.reason());
        return entry(eventId, e.userId(), e.stoppedAt(), byUser ? e.userId() : null, STRATEGY, "strategy.stopped",
                AuditEvent.ALLOWED, null, null, strategy(e.strategyId()), summary, details);
    }

    private static ActivityEntry failed(String eventId, StrategyFailed e) {
        Map<String, String> details = details("reason", e.reason());
        String summary = "strategy.failed (" + e.code() + ")" + (e.reason() == null ? "" : ": " + e.reason());
        return entry(eventId, e.userId(), e.failedAt(), null, STRATEGY, "strategy.failed", AuditEvent.FAILED,
                e.code(), null, strategy(e.strategyId()), summary, details);
    }

    private static ActivityEntry signal(String eventId, StrategySignal e) {
        Map<String, String> details = details("symbol", e.symbol(), "side", e.side().name(),
                "quantity", plain(e.quantity()), "signal", e.kind(), "reason", e.reason(),
                "orderId", e.orderId().toString(), "clientOrderId", e.clientOrderId());
        String summary = "strategy.signal " + e.kind() + " " + e.side() + " " + plain(e.quantity()) + " " + e.symbol()
                + (e.reason() == null ? "" : ": " + e.reason());
        return entry(eventId, e.userId(), e.signalledAt(), null, STRATEGY, "strategy.signal", AuditEvent.ALLOWED, null,
                e.accountId(), strategy(e.strategyId()), summary, details);
    }

    private static ActivityEntry signalRejected(String eventId, StrategySignalRejected e) {
        Map<String, String> details = details("symbol", e.symbol(), "rejectReason", e.rejectReason(),
                "orderId", e.orderId().toString(), "clientOrderId", e.clientOrderId());
        String summary = "strategy.signal.rejected " + e.symbol() + " (" + e.rejectCode() + ")"
                + (e.rejectReason() == null ? "" : ": " + e.rejectReason());
        return entry(eventId, e.userId(), e.rejectedAt(), null, STRATEGY, "strategy.signal.rejected",
                AuditEvent.DENIED, e.rejectCode(), null, strategy(e.strategyId()), summary, details);
    }

    private static ActivityEntry entry(String eventId, UUID userId, Instant occurredAt, UUID actorId, String kind,
                                       String action, String outcome, String reason, UUID accountId, String resource,
                                       String summary, Map<String, String> details) {
        ActivityEntry entry = new ActivityEntry();
        entry.eventId = eventId;
        entry.userId = userId;
        entry.occurredAt = occurredAt;
        entry.actorId = actorId;
        entry.kind = kind;
        entry.action = action;
        entry.outcome = outcome;
        entry.reason = ActivityMapper.clip(reason, MAX_REASON_LENGTH);
        entry.accountId = accountId;
        entry.resource = resource;
        entry.summary = ActivityMapper.storedSummary(summary);
        entry.details = ActivityMapper.storedDetails(details);
        return entry;
    }

    /** A strategy's order is the platform acting on the user's behalf, not the user placing it. */
    private static UUID placedBy(UUID userId, String clientOrderId) {
        return StrategySignal.isStrategyOrder(clientOrderId) ? null : userId;
    }

    private static String order(UUID orderId) {
        return "/api/v1/orders/" + orderId;
    }

    private static String strategy(UUID strategyId) {
        return "/api/v1/strategies/" + strategyId;
    }

    /** Pairs of name and value, in that order; a null value is left out rather than stored as "null". */
    private static Map<String, String> details(String... pairs) {
        Map<String, String> details = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                details.put(pairs[i], pairs[i + 1]);
            }
        }
        return details;
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}
