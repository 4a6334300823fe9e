package io.tradeplex.order.reconcile;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;

/** How often orders are reconciled with their brokers, and how long a user's new order may wait for it. */
@ConfigMapping(prefix = "tradeplex.reconciliation")
public interface ReconciliationConfig {
    /** Sweep of the uncertain (and stranded) orders of the users this instance owns; 0 turns the timer off. */
    @WithDefault("30s")
    Duration interval();

    /** Poll of orders resting at {@link #restingBrokers()}, for fills and cancels made there; 0 turns it off. */
    @WithDefault("5s")
    Duration restingInterval();

    /**
     * Brokers whose resting orders are polled: those that keep their own state (paper's is our database). Kite also
     * pushes postbacks; its poll catches the ones lost on the way.
     */
    @WithDefault("binance,kite")
    List<String> restingBrokers();

    /**
     * At most this many resting orders of one broker account are looked up per poll, least recently looked up first:
     * brokers budget requests per account (Binance also per IP, shared by every account behind it).
     */
    @WithDefault("2")
    int restingPerAccount();

    /** An accepted order not yet handed to its broker after this long was stranded by a crash: route it now. */
    @WithDefault("60s")
    Duration strandedAfter();

    /** How long a user's new order waits for their uncertain orders to be reconciled before it is refused. */
    @WithDefault("5s")
    Duration gateTimeout();

    /** Pause between two attempts to reconcile a waiting user's uncertain orders. */
    @WithDefault("500ms")
    Duration gateRetry();
}
