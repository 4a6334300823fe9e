package io.tradeplex.contracts.strategies;

import io.tradeplex.contracts.Event;
import io.tradeplex.contracts.orders.Side;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A strategy decided to trade, and its order command was queued in the same transaction. The client order id is
 * {@code s:<strategyId>:<bar open, epoch seconds>:<leg>}, so a replayed or retried bar never places a second order.
 *
 * @param kind    {@code ENTRY}, {@code EXIT}, {@code STOP_LOSS}, {@code TAKE_PROFIT} or {@code TRAILING_STOP}
 * @param barTime the open time of the bar that triggered it
 */
public record StrategySignal(
        int schemaVersion,
        UUID userId,
        UUID strategyId,
        UUID accountId,
        String symbol,
        Side side,
        BigDecimal quantity,
        String kind,
        String reason,
        Instant barTime,
        UUID orderId,
        String clientOrderId,
        Instant signalledAt) implements Event {
    public static final String TYPE = "tradeplex.strategy.signal.v1";
    public static final int SCHEMA_VERSION = 1;
    /** What every strategy's client order id begins with, so an order's events tell a strategy's order apart. */
    public static final String CLIENT_ORDER_ID_PREFIX = "s:";

    public static boolean isStrategyOrder(String clientOrderId) {
        return clientOrderId != null && clientOrderId.startsWith(CLIENT_ORDER_ID_PREFIX);
    }

    @Override
    public String eventType() {
        return TYPE;
    }
}
