package io.tradeplex.strategy.engine;

/** Why a signal was given: the template's own entry or exit, or one of the three protective exits. */
public enum SignalKind {
    ENTRY, EXIT, STOP_LOSS, TAKE_PROFIT, TRAILING_STOP;

    /** 0 for an entry, 1 for every exit: with the strategy id and bar time it makes a deterministic client order id. */
    public int leg() {
        return this == ENTRY ? 0 : 1;
    }
}
