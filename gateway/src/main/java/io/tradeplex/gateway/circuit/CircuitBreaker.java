package io.tradeplex.gateway.circuit;

import io.tradeplex.gateway.time.TimeSource;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A consecutive-failure breaker for one upstream. Closed, it lets every call through and counts failures in a row;
 * at the threshold it opens and refuses calls for the open duration; then it is half-open and lets one trial call
 * through, whose outcome closes or reopens it. A failure is not getting an answer (connection refused or broken,
 * timeout); any answer, 5xx included, is a success, because a service that answers 500 is up and said so itself.
 */
public final class CircuitBreaker {
    public enum State { CLOSED, OPEN, HALF_OPEN }

    private final int failureThreshold;
    private final long openNanos;
    private final TimeSource time;

    // Guarded by this: calls settle on every event-loop thread.
    private State state = State.CLOSED;
    private int consecutiveFailures;
    private long openedAtNanos;
    private boolean trialUnderWay;

    public CircuitBreaker(int failureThreshold, Duration openDuration, TimeSource time) {
        if (failureThreshold < 1) {
            throw new IllegalArgumentException("A breaker needs a failure threshold of at least 1, not " + failureThreshold);
        }
        this.failureThreshold = failureThreshold;
        this.openNanos = openDuration.toNanos();
        this.time = time;
    }

    /** @return a permit to call the upstream, whose outcome the caller must settle; empty while the breaker refuses */
    public synchronized Optional<Permit> tryAcquire() {
        if (state == State.OPEN && time.nanoTime() - openedAtNanos >= openNanos) {
            state = State.HALF_OPEN;
        }
        return switch (state) {
            case CLOSED -> Optional.of(new Permit(false));
            case HALF_OPEN -> {
                if (trialUnderWay) {
                    yield Optional.empty();
                }
                trialUnderWay = true;
                yield Optional.of(new Permit(true));
            }
            case OPEN -> Optional.empty();
        };
    }

    /** How long a refused caller should wait: what is left of the open duration, at least a second. */
    public synchronized Duration retryAfter() {
        long left = state == State.OPEN ? openNanos - (time.nanoTime() - openedAtNanos) : 0;
        return Duration.ofNanos(Math.max(left, Duration.ofSeconds(1).toNanos()));
    }

    public synchronized State state() {
        return state;
    }

    private synchronized void succeeded(boolean trial) {
        state = State.CLOSED;
        consecutiveFailures = 0;
        if (trial) {
            trialUnderWay = false;
        }
    }

    private synchronized void failed(boolean trial) {
        if (trial) {
            trialUnderWay = false;
        }
        if (trial || state == State.HALF_OPEN || (state == State.CLOSED && ++consecutiveFailures >= failureThreshold)) {
            state = State.OPEN;
            openedAtNanos = time.nanoTime();
            consecutiveFailures = 0;
        }
    }

    private synchronized void abandoned(boolean trial) {
        if (trial) {
            trialUnderWay = false;
        }
    }

    /** One call's right to go through. The first of succeeded, failed and abandoned counts; later ones are ignored. */
    public final class Permit {
        private final boolean trial;
        private final AtomicBoolean settled = new AtomicBoolean();

        private Permit(boolean trial) {
            this.trial = trial;
        }

        /** The upstream answered. */
        public void succeeded() {
            if (settled.compareAndSet(false, true)) {
                CircuitBreaker.this.succeeded(trial);
            }
        }

        /** The upstream could not be reached, broke the connection, or did not answer in time. */
        public void failed() {
            if (settled.compareAndSet(false, true)) {
                CircuitBreaker.this.failed(trial);
            }
        }

        /** The call ended for a reason that says nothing about the upstream: the client left, or sent too much. */
        public void abandoned() {
            if (settled.compareAndSet(false, true)) {
                CircuitBreaker.this.abandoned(trial);
            }
        }
    }
}
