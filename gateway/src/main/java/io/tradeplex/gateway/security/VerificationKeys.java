package io.tradeplex.gateway.security;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.util.KeyUtils;
import io.tradeplex.gateway.GatewayConfig;
import io.tradeplex.gateway.time.TimeSource;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.security.PublicKey;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The public keys access tokens are verified with: auth-service's JWKS, fetched at start, every refresh interval, and
 * at once when a token names a key not in it (two keys are live during a rotation), but never more often than the
 * minimum refresh interval. Until a JWKS has been fetched, the configured PEM key
 * ({@code mp.jwt.verify.publickey.location}) stands in, so the gateway can start before auth-service. Once a JWKS is
 * known, only its keys count: a key removed from it stops verifying anything at the next refresh. A failed fetch keeps
 * the last known set.
 */
@Singleton
public class VerificationKeys {
    private static final Logger LOG = Logger.getLogger(VerificationKeys.class);

    private final Supplier<Future<Map<String, PublicKey>>> source;
    private final Optional<PublicKey> bootstrapKey;
    private final long minRefreshNanos;
    private final TimeSource time;
    /** Null until the first successful fetch. */
    private final AtomicReference<Map<String, PublicKey>> published = new AtomicReference<>();
    private final AtomicReference<Future<Void>> inFlight = new AtomicReference<>();
    private final AtomicLong lastFetchNanos;

    @Inject
    public VerificationKeys(JwksClient jwks, GatewayConfig config, TimeSource time,
                            @ConfigProperty(name = "mp.jwt.verify.publickey.location") Optional<String> pemLocation) {
        this(jwks::fetch, pemLocation.flatMap(VerificationKeys::readPem), config.jwks().minRefreshInterval(), time);
    }

    VerificationKeys(Supplier<Future<Map<String, PublicKey>>> source, Optional<PublicKey> bootstrapKey,
                     Duration minRefreshInterval, TimeSource time) {
        this.source = source;
        this.bootstrapKey = bootstrapKey;
        this.minRefreshNanos = minRefreshInterval.toNanos();
        this.time = time;
        this.lastFetchNanos = new AtomicLong(time.nanoTime() - minRefreshNanos);
    }

    void start(@Observes StartupEvent started, Vertx vertx, GatewayConfig config) {
        refresh();
        vertx.setPeriodic(config.jwks().refreshInterval().toMillis(), tick -> refresh());
    }

    /** @return the key to verify a token naming {@code kid} with; empty when no trusted key has that name */
    public Future<Optional<PublicKey>> keyFor(String kid) {
        Map<String, PublicKey> keys = published.get();
        if (keys != null && keys.containsKey(kid)) {
            return Future.succeededFuture(Optional.of(keys.get(kid)));
        }
        // Tokens signed by a just-rotated key arrive together: they all wait for the one fetch the first one started.
        Future<Void> fetch = inFlight.get();
        if (fetch == null || fetch.isComplete()) {
            if (!mayFetch()) {
                return Future.succeededFuture(resolve(kid));
            }
            fetch = fetch();
        }
        // Every outcome of the fetch is an answer here: a failed one leaves the keys as they were.
        return fetch.transform(fetched -> Future.succeededFuture(resolve(kid)));
    }

    /** Fetches the key set now, whatever asked last. */
    void refresh() {
        lastFetchNanos.set(time.nanoTime());
        fetch();
    }

    private Future<Void> fetch() {
        // Published within the fetch's own future, so whoever waits for it sees the new keys.
        Future<Void> next = source.get()
                .<Void>map(keys -> {
                    if (!keys.equals(published.getAndSet(keys))) {
                        LOG.infof("Verifying access tokens with JWKS keys %s", keys.keySet());
                    }
                    return null;
                })
                .onFailure(error -> LOG.warnf("Cannot fetch the JWKS, keeping %s: %s",
                        published.get() == null ? "the configured PEM key" : "the keys fetched before", error.toString()));
        inFlight.set(next);
        return next;
    }

    /** A token-triggered fetch is allowed once per minimum refresh interval, whoever asks. */
    private boolean mayFetch() {
        long now = time.nanoTime();
        long last = lastFetchNanos.get();
        return now - last >= minRefreshNanos && lastFetchNanos.compareAndSet(last, now);
    }

    private Optional<PublicKey> resolve(String kid) {
        Map<String, PublicKey> keys = published.get();
        return keys == null ? bootstrapKey : Optional.ofNullable(keys.get(kid));
    }

    private static Optional<PublicKey> readPem(String location) {
        try {
            String pem = KeyUtils.readKeyContent(location);
            if (pem == null) {
                LOG.warnf("No PEM public key at %s: no token verifies until the JWKS is fetched", location);
                return Optional.empty();
            }
            return Optional.of(KeyUtils.decodePublicKey(pem, SignatureAlgorithm.RS256));
        } catch (Exception e) {
            LOG.warnf("Cannot read the PEM public key at %s (%s): no token verifies until the JWKS is fetched",
                    location, e.toString());
            return Optional.empty();
        }
    }
}
