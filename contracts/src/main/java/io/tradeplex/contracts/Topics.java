package io.tradeplex.contracts;

import java.util.List;

/** Kafka topic names. The version is part of the name: a change that breaks a reader gets a new topic. */
public final class Topics {
    /** Compacted; key = user id; the user's current state and limits. */
    public static final String USERS = "tradeplex.users.v1";
    /** Compacted; key = {@code global}; the global kill switch. */
    public static final String CONTROLS = "tradeplex.controls.v1";
    public static final String AUTH = "tradeplex.auth.v1";
    public static final String ORDER_COMMANDS = "tradeplex.order-commands.v1";
    public static final String ORDERS = "tradeplex.orders.v1";
    public static final String PORTFOLIO = "tradeplex.portfolio.v1";
    public static final String STRATEGIES = "tradeplex.strategies.v1";
    /** Key = symbol, not user. */
    public static final String MARKET_TICKS = "tradeplex.market-ticks.v1";
    public static final String AUDIT = "tradeplex.audit.v1";
    /** Records a consumer could not process after its retries, kept for an operator to inspect and replay. */
    public static final String DEAD_LETTER = "tradeplex.dead-letter.v1";

    public static final List<String> ALL =
            List.of(USERS, CONTROLS, AUTH, ORDER_COMMANDS, ORDERS, PORTFOLIO, STRATEGIES, MARKET_TICKS, AUDIT, DEAD_LETTER);

    private Topics() {
    }
}
