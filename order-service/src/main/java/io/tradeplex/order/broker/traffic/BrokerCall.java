package io.tradeplex.order.broker.traffic;

import java.util.UUID;

/**
 * What the traffic control needs to know of one call to a broker.
 *
 * @param weight the broker's request weight for this endpoint (Binance documents one per endpoint; 1 elsewhere)
 */
public record BrokerCall(String broker, UUID userId, UUID accountId, Kind kind, int weight) {
    public enum Kind {
        /** Places, modifies or cancels an order: counts against the account's order limits and is never retried. */
        ORDER,
        /** Reads: idempotent, so retried after no answer or a 5xx. */
        QUERY
    }

    public static BrokerCall order(String broker, UUID userId, UUID accountId, int weight) {
        return new BrokerCall(broker, userId, accountId, Kind.ORDER, weight);
    }

    public static BrokerCall query(String broker, UUID userId, UUID accountId, int weight) {
        return new BrokerCall(broker, userId, accountId, Kind.QUERY, weight);
    }
}
