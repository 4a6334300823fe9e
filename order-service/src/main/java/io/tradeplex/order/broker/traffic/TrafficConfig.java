package io.tradeplex.order.broker.traffic;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** How calls to brokers are paced and guarded; see order-service's README for every key. */
@ConfigMapping(prefix = "tradeplex.brokers.traffic")
public interface TrafficConfig {
    /** Calls one user may have waiting for broker budgets; one more is refused ({@code BROKER_QUEUE_FULL}). */
    @WithDefault("200")
    int maxQueuedPerUser();

    /** Calls all users together may have waiting. */
    @WithDefault("10000")
    int maxQueued();

    /** The longest a call waits for rate limits (429 pauses included) before it is refused ({@code BROKER_RATE_LIMITED}). */
    @WithDefault("60s")
    Duration maxWait();

    /** One broker call, from sending to the whole answer; no answer by then means the outcome is unknown. */
    @WithDefault("10s")
    Duration timeout();

    /** Rate limits by broker name ({@code binance}, {@code kite}); a broker without an entry is not paced. */
    Map<String, Limits> limits();

    Breaker breaker();

    Bulkhead bulkhead();

    Retry retry();

    default Limits limitsOf(String broker) {
        return limits().getOrDefault(broker, Limits.NONE);
    }

    /** Each a list of windows like {@code 10/1s,400/1m}; see {@link Window#parse}. */
    interface Limits {
        Limits NONE = new Limits() {
            @Override
            public Optional<List<String>> accountOrders() {
                return Optional.empty();
            }

            @Override
            public Optional<List<String>> accountRequests() {
                return Optional.empty();
            }

            @Override
            public Optional<List<String>> egressWeight() {
                return Optional.empty();
            }
        };

        /** Orders (place, modify, cancel) per broker account. */
        Optional<List<String>> accountOrders();

        /** Every call per broker account. */
        Optional<List<String>> accountRequests();

        /** Request weight per egress address, shared by every account that leaves through it. */
        Optional<List<String>> egressWeight();
    }

    /** One breaker per broker account, over a rolling window of its last calls. */
    interface Breaker {
        /** Calls in the rolling window. */
        @WithDefault("10")
        int requestVolumeThreshold();

        /** The share of failed calls (no answer, 5xx, timeout) in the window that opens the breaker. */
        @WithDefault("0.5")
        double failureRatio();

        /** How long an open breaker refuses before letting a trial call through. */
        @WithDefault("30s")
        Duration delay();
    }

    /** One bulkhead per broker: calls in flight at once, and how many more may wait for a place. */
    interface Bulkhead {
        @WithDefault("50")
        int limit();

        @WithDefault("500")
        int queueSize();
    }

    /** Retries of idempotent calls (queries) that got no answer or a 5xx; orders are never retried. */
    interface Retry {
        @WithDefault("2")
        int maxRetries();

        @WithDefault("200ms")
        Duration delay();
    }
}
