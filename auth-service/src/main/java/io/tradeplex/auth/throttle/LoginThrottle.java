package io.tradeplex.auth.throttle;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * Growing back-off on guesses, per account and per client address, with its state in PostgreSQL so every instance
 * agrees. An attempt is counted when it starts, before any password is hashed: a throttled guess costs one indexed
 * row lock, never Argon2 time, and parallel guesses are counted one after another, so they cannot slip through a
 * free window together. A success gives its count back (and clears the account's), so honest users pay nothing.
 * <p>
 * After {@code n} counted failures on a key with {@code free} free ones, the next attempt must wait
 * {@code base * 2^(n - free)} (capped), or nothing while {@code n < free}.
 */
@ApplicationScoped
public class LoginThrottle {
    private final ThrottleRepository entries;
    private final LoginThrottleConfig config;

    public LoginThrottle(ThrottleRepository entries, LoginThrottleConfig config) {
        this.entries = entries;
        this.config = config;
    }

    /** A throttled key. {@code resetOnSuccess}: a success wipes the count instead of just giving its own back. */
    public record Key(String id, int freeFailures, boolean resetOnSuccess) {
    }

    /** The outcome of {@link #begin}: allowed and counted, or refused for {@code retryAfter}. */
    public record Attempt(List<Key> keys, Instant at, Duration retryAfter) {
        public boolean refused() {
            return !retryAfter.isZero();
        }
    }

    /** The account's key; the email is hashed, so addresses strangers typed are not stored in clear. */
    public Key account(String normalisedEmail) {
        return new Key("account:" + sha256(normalisedEmail), config.accountFreeFailures(), true);
    }

    /** The client address's key; a success from one address does not clear failures others made from it. */
    public Key address(String clientAddress) {
        return new Key("address:" + clientAddress, config.addressFreeFailures(), false);
    }

    /** Must run in a transaction, which should commit before any slow work so the row locks are short. */
    public Uni<Attempt> begin(List<Key> keys, Instant now) {
        return entries.lock(keys.stream().map(Key::id).toList(), now).map(rows -> {
            Duration wait = Duration.ZERO;
            for (ThrottleEntry row : rows) {
                if (row.updatedAt.isBefore(now.minus(config.forgetAfter()))) {
                    row.failures = 0;
                    row.nextAttemptAt = null;
                }
                if (row.nextAttemptAt != null && row.nextAttemptAt.isAfter(now)) {
                    Duration left = Duration.between(now, row.nextAttemptAt);
                    wait = left.compareTo(wait) > 0 ? left : wait;
                }
            }
            if (!wait.isZero()) {
                return new Attempt(keys, now, wait);
            }
            for (ThrottleEntry row : rows) {
                row.failures++;
                row.nextAttemptAt = nextAttempt(row.failures, freeFailures(keys, row.key), now);
                row.updatedAt = now;
            }
            return new Attempt(keys, now, Duration.ZERO);
        });
    }

    /** The login succeeded: the account starts over, each other key gets this attempt back. In a transaction. */
    public Uni<Void> succeeded(Attempt attempt) {
        return settle(attempt, true);
    }

    /**
     * The attempt does not count, yet proves too little to wipe the count: the password was right but the second
     * factor is still missing, or a second factor alone was proven. In a transaction.
     */
    public Uni<Void> giveBack(Attempt attempt) {
        return settle(attempt, false);
    }

    private Uni<Void> settle(Attempt attempt, boolean succeeded) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Key key : attempt.keys().stream().sorted(Comparator.comparing(Key::id)).toList()) {
            chain = chain.chain(() -> entries.findById(key.id(), LockModeType.PESSIMISTIC_WRITE).invoke(row -> {
                if (row == null) {
                    return;
                }
                if (succeeded && key.resetOnSuccess()) {
                    row.failures = 0;
                    row.nextAttemptAt = null;
                } else {
                    row.failures = Math.max(0, row.failures - 1);
                    row.nextAttemptAt = nextAttempt(row.failures, key.freeFailures(), attempt.at());
                }
            }).replaceWithVoid());
        }
        return chain;
    }

    private Instant nextAttempt(int failures, int freeFailures, Instant from) {
        if (failures < freeFailures) {
            return null;
        }
        int doublings = Math.min(failures - freeFailures, 30);
        Duration delay = config.baseDelay().multipliedBy(1L << doublings);
        return from.plus(delay.compareTo(config.maxDelay()) > 0 ? config.maxDelay() : delay);
    }

    private static int freeFailures(List<Key> keys, String id) {
        return keys.stream().filter(key -> key.id().equals(id)).findFirst().orElseThrow().freeFailures();
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
