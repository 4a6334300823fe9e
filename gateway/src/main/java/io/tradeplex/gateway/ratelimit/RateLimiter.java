package io.tradeplex.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.local.LocalBucketBuilder;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tradeplex.gateway.GatewayConfig;
import io.tradeplex.gateway.time.TimeSource;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Token buckets at the edge: one per user on authenticated calls, sized by the user's tier, and one per client
 * address on the public calls. Every limit of a plan applies at once (10/s and 300/min: a burst is capped by the first,
 * a sustained stream by the second). Buckets live in this instance's memory, so with N gateways a user gets up to N
 * times the limit; the per-service checks behind the gateway are what is exact.
 */
@Singleton
public class RateLimiter {
    /** The metric tag and plan name of the per-client-address limit; tier names are the others. */
    static final String PUBLIC_PLAN = "public";

    private record BucketKey(String plan, String subject) {
    }

    private final UserTiers userTiers;
    private final Map<String, List<Limit>> tiers;
    private final String defaultTier;
    private final List<Limit> publicPerClient;
    private final TimeMeter timeMeter;
    private final Cache<BucketKey, Bucket> buckets;
    private final MeterRegistry registry;

    public RateLimiter(UserTiers userTiers, GatewayConfig config, TimeSource time, MeterRegistry registry) {
        GatewayConfig.RateLimit limits = config.rateLimit();
        this.userTiers = userTiers;
        this.tiers = Map.copyOf(limits.tiers());
        this.defaultTier = limits.defaultTier();
        this.publicPerClient = List.copyOf(limits.publicPerClient());
        this.registry = registry;
        if (!tiers.containsKey(defaultTier)) {
            throw new IllegalStateException("tradeplex.gateway.rate-limit.default-tier=" + defaultTier
                    + " has no tradeplex.gateway.rate-limit.tiers entry");
        }
        this.timeMeter = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return time.nanoTime();
            }

            @Override
            public boolean isWallClockBased() {
                return false;
            }
        };
        // A bucket left alone for its longest period has refilled completely, so dropping it then loses nothing:
        // the caller's next bucket starts just as full.
        Duration longestPeriod = Stream.concat(tiers.values().stream().flatMap(List::stream), publicPerClient.stream())
                .map(Limit::period).max(Duration::compareTo).orElseThrow();
        this.buckets = Caffeine.newBuilder()
                .maximumSize(limits.maxBuckets())
                .expireAfterAccess(longestPeriod)
                .ticker(time::nanoTime)
                .build();
        // Registered up front, so a plan nobody has hit yet reads 0 on dashboards rather than "no data".
        Stream.concat(Stream.of(PUBLIC_PLAN), tiers.keySet().stream()).forEach(this::rejected);
    }

    /** @return empty if the user may make this call now, else how long until they may */
    public Optional<Duration> acquireForUser(String userId) {
        String tier = userTiers.tierOf(userId).filter(tiers::containsKey).orElse(defaultTier);
        return acquire(tier, userId, tiers.get(tier));
    }

    /** @return empty if this client address may make a public call now, else how long until it may */
    public Optional<Duration> acquireForClient(String clientAddress) {
        return acquire(PUBLIC_PLAN, clientAddress, publicPerClient);
    }

    private Optional<Duration> acquire(String plan, String subject, List<Limit> limits) {
        // The plan is part of the key, so a user whose tier changes starts on a bucket of the new size.
        Bucket bucket = buckets.get(new BucketKey(plan, subject), key -> newBucket(limits));
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return Optional.empty();
        }
        rejected(plan).increment();
        return Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    private Bucket newBucket(List<Limit> limits) {
        LocalBucketBuilder builder = Bucket.builder().withCustomTimePrecision(timeMeter);
        for (Limit limit : limits) {
            builder.addLimit(Bandwidth.builder().capacity(limit.tokens()).refillGreedy(limit.tokens(), limit.period()).build());
        }
        return builder.build();
    }

    /** Tagged by plan only: a tag per user or address would be a metric series per user. */
    private Counter rejected(String plan) {
        return Counter.builder("tradeplex.gateway.rate.limited")
                .description("Requests refused with 429, by the plan whose limit they hit")
                .tag("plan", plan)
                .register(registry);
    }
}
