package io.tradeplex.auth.account;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import io.quarkus.runtime.Startup;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.tradeplex.kit.problem.ApiException;
import io.vertx.mutiny.core.Vertx;
import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Argon2id password hashes with the OWASP minimum cost (m = 19456 KiB, t = 2, p = 1), 16-byte salt, 32-byte output.
 * <p>
 * Hashing is CPU- and memory-heavy and blocking, so it runs on a worker thread and never on the event loop; a
 * semaphore bounds how many run at once, so a burst of logins cannot exhaust the heap. Vert.x's
 * {@code executeBlocking} is used rather than a bare worker pool because it hands the result back on the caller's
 * Vert.x context, where Hibernate Reactive must continue.
 */
@Startup
@Singleton
public class PasswordHasher {
    static final int MEMORY_KIB = 19456;
    static final int ITERATIONS = 2;
    static final int PARALLELISM = 1;
    static final int OUTPUT_BYTES = 32;
    static final int SALT_BYTES = 16;
    private static final Argon2Function ARGON2 =
            Argon2Function.getInstance(MEMORY_KIB, ITERATIONS, PARALLELISM, OUTPUT_BYTES, Argon2.ID, Argon2Function.ARGON2_VERSION_13);

    /** Argon2 runs, sign-ups and logins alike: the CPU and memory the service spends on passwords. */
    static final String HASHES_METRIC = "tradeplex.auth.password.hashes";

    private final Vertx vertx;
    private final Counter hashes;
    private final Semaphore permits;
    private final long queueTimeoutMillis;
    /** Verified against when the email is unknown, so that answer takes as long as a wrong password. */
    private final String dummyHash;

    public PasswordHasher(Vertx vertx, PasswordHashingConfig config, MeterRegistry registry) {
        this.vertx = vertx;
        this.hashes = Counter.builder(HASHES_METRIC).description("Argon2 computations (hash or verify)").register(registry);
        this.permits = new Semaphore(config.maxConcurrent(), true);
        this.queueTimeoutMillis = config.queueTimeout().toMillis();
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        this.dummyHash = hashNow(Base64.getEncoder().encodeToString(random));
    }

    public Uni<String> hash(String password) {
        return offload(() -> hashNow(password));
    }

    /**
     * @param storedHash the account's hash, or {@code null} for an unknown account: a dummy hash is checked instead
     *                   and the answer is false
     */
    public Uni<Boolean> verify(String password, String storedHash) {
        return offload(() -> {
            if (storedHash == null) {
                verifyNow(password, dummyHash);
                return false;
            }
            return verifyNow(password, storedHash);
        });
    }

    /** True when the hash was made with weaker parameters than today's, so it should be replaced at the next login. */
    public boolean needsRehash(String storedHash) {
        try {
            return !ARGON2.equals(Argon2Function.getInstanceFromHash(storedHash));
        } catch (RuntimeException unreadable) {
            return true;
        }
    }

    private static String hashNow(String password) {
        return Password.hash(password).addRandomSalt(SALT_BYTES).with(ARGON2).getResult();
    }

    private static boolean verifyNow(String password, String storedHash) {
        try {
            return Password.check(password, storedHash).with(Argon2Function.getInstanceFromHash(storedHash));
        } catch (RuntimeException unreadable) {
            // A hash we cannot parse can never match; the account then needs a password reset, not a 500.
            return false;
        }
    }

    private <T> Uni<T> offload(Callable<T> work) {
        return vertx.executeBlocking(() -> {
            if (!permits.tryAcquire(queueTimeoutMillis, TimeUnit.MILLISECONDS)) {
                throw new ApiException(503, "Service Unavailable", "BUSY",
                        "Too many sign-ins at once; try again in a moment", List.of());
            }
            try {
                hashes.increment();
                return work.call();
            } finally {
                permits.release();
            }
        }, false);
    }
}
