package io.tradeplex.order.order;

/** Where an order stands with its broker (see migration V3): only SENDING and UNKNOWN are uncertain. */
public enum Routing {
    NOT_SENT, SENDING, UNKNOWN, CONFIRMED;

    /** The broker may hold the order, or fills of it, that we do not know of. */
    public boolean isUncertain() {
        return this == SENDING || this == UNKNOWN;
    }
}
