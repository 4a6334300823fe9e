package io.tradeplex.order.broker.traffic;

import io.tradeplex.order.execution.Rejection;

/**
 * A broker call that was not sent: nothing reached the broker, so an order refused with this can be sent again with a
 * new client order id without any risk of a duplicate.
 */
public class BrokerTrafficException extends RuntimeException {
    /** The broker account's circuit breaker is open after repeated failures: calls are refused at once. */
    public static final String CIRCUIT_OPEN = "BROKER_CIRCUIT_OPEN";
    /** Too many calls already wait for this budget (per user or in all); refused rather than queued without end. */
    public static final String QUEUE_FULL = "BROKER_QUEUE_FULL";
    /** The call waited for the broker's rate limits longer than the configured maximum. */
    public static final String RATE_LIMITED = "BROKER_RATE_LIMITED";
    /** This broker already has as many calls in flight as its bulkhead allows, and its waiting line is full. */
    public static final String BUSY = "BROKER_BUSY";

    private final String code;

    public BrokerTrafficException(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** Whether the broker itself is at fault (counts towards auto-disable), rather than our own back-pressure. */
    public boolean brokerFault() {
        return CIRCUIT_OPEN.equals(code);
    }

    public Rejection rejection() {
        return new Rejection(code, getMessage());
    }
}
