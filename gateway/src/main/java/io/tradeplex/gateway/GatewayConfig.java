package io.tradeplex.gateway;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.tradeplex.gateway.ratelimit.Limit;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Where the gateway sends each API path, and the limits it enforces at the edge. */
@ConfigMapping(prefix = "tradeplex.gateway")
public interface GatewayConfig {

    /**
     * Base URL of each backend service by name, e.g. {@code order=http://127.0.0.1:8084}; override one with
     * {@code TRADEPLEX_GATEWAY_UPSTREAMS_ORDER}. Defaults are in application.properties.
     */
    Map<String, URI> upstreams();

    /**
     * The path prefixes each upstream serves, by upstream name. A prefix covers itself and every path below it
     * ({@code /api/v1/orders} covers {@code /api/v1/orders/42}, not {@code /api/v1/ordersX}); the longest wins.
     */
    Map<String, List<String>> routes();

    /** How long an upstream may take to accept the connection, and then to start its answer, before the client gets 504. */
    @WithDefault("15s")
    Duration upstreamTimeout();

    /** Keep-alive connections pooled per upstream. */
    @WithDefault("64")
    int maxConnectionsPerUpstream();

    /** Requests that may wait for one of those connections; beyond that the client gets 503 at once. */
    @WithDefault("512")
    int maxWaitingPerUpstream();

    /** The largest request body forwarded; a larger one is answered with 413 and never reaches an upstream. */
    @WithDefault("1M")
    MemorySize maxBodySize();

    /** How long the merged OpenAPI document is served before the upstreams are asked again. */
    @WithDefault("10s")
    Duration openapiCacheTtl();

    Jwks jwks();

    RateLimit rateLimit();

    CircuitBreaker circuitBreaker();

    /** Where the keys that verify access tokens are published. */
    interface Jwks {
        /** The upstream that publishes them (auth-service). */
        @WithDefault("auth")
        String upstream();

        @WithDefault("/api/v1/auth/jwks")
        String path();

        /** How often the key set is fetched again, so added and removed keys are noticed without any token asking. */
        @WithDefault("10m")
        Duration refreshInterval();

        /**
         * The least time between two fetches. A token with an unknown {@code kid} fetches the set at once, but a
         * stream of forged kids cannot turn into a stream of requests to auth-service.
         */
        @WithDefault("10s")
        Duration minRefreshInterval();

        /** How long a fetch may take; a request whose token waits for it waits at most this long. */
        @WithDefault("3s")
        Duration fetchTimeout();
    }

    /** Token buckets: per user by tier on authenticated calls, per client address on the public ones. */
    interface RateLimit {
        /**
         * The limits of each tier, every one enforced, e.g. {@code basic=10/1s,300/1m}; override one with
         * {@code TRADEPLEX_GATEWAY_RATE_LIMIT_TIERS_BASIC}. Defaults are in application.properties.
         */
        Map<String, List<Limit>> tiers();

        /** The tier of a user whose state has not been seen, or whose tier has no limits configured. */
        @WithDefault("basic")
        String defaultTier();

        /** The limits per client address on the calls that need no token (sign-up, login, refresh, JWKS). */
        @WithDefault("20/1m")
        List<Limit> publicPerClient();

        /** The most buckets kept; past it the least recently used are dropped, so a flood of keys cannot exhaust memory. */
        @WithDefault("100000")
        long maxBuckets();
    }

    /** One breaker per upstream, counting only failures to get an answer: refused or broken connections, timeouts. */
    interface CircuitBreaker {
        /** Consecutive failures that open the breaker. */
        @WithDefault("5")
        int failureThreshold();

        /** How long an open breaker refuses calls before one trial call may test the upstream again. */
        @WithDefault("30s")
        Duration openDuration();
    }
}
