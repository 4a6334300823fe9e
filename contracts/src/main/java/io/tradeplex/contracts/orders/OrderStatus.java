package io.tradeplex.contracts.orders;

import java.util.EnumSet;
import java.util.Set;

/** The order lifecycle: PENDING → ACCEPTED → PARTIALLY_FILLED → FILLED, or REJECTED / CANCELLED. */
public enum OrderStatus {
    PENDING, ACCEPTED, PARTIALLY_FILLED, FILLED, CANCELLED, REJECTED;

    public boolean isOpen() {
        return this == PENDING || this == ACCEPTED || this == PARTIALLY_FILLED;
    }

    public boolean canMoveTo(OrderStatus next) {
        return allowedNext().contains(next);
    }

    private Set<OrderStatus> allowedNext() {
        return switch (this) {
            case PENDING -> EnumSet.of(ACCEPTED, REJECTED, CANCELLED);
            // A broker may still refuse an order we accepted and routed (e.g. Binance: insufficient balance).
            case ACCEPTED -> EnumSet.of(PARTIALLY_FILLED, FILLED, CANCELLED, REJECTED);
            case PARTIALLY_FILLED -> EnumSet.of(PARTIALLY_FILLED, FILLED, CANCELLED);
            case FILLED, CANCELLED, REJECTED -> EnumSet.noneOf(OrderStatus.class);
        };
    }
}
