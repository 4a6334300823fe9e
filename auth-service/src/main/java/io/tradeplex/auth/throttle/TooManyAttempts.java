package io.tradeplex.auth.throttle;

import java.time.Duration;

/** Answered 429 with {@code Retry-After}; see {@link TooManyAttemptsMapper}. */
public class TooManyAttempts extends RuntimeException {
    public static final String CODE = "TOO_MANY_ATTEMPTS";
    private final Duration retryAfter;

    public TooManyAttempts(Duration retryAfter, String detail) {
        super(detail, null, false, false);
        this.retryAfter = retryAfter;
    }

    /** Whole seconds, rounded up and at least 1, as {@code Retry-After} wants them. */
    public long retryAfterSeconds() {
        long seconds = (retryAfter.toMillis() + 999) / 1000;
        return Math.max(1, seconds);
    }
}
