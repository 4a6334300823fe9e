package io.tradeplex.gateway;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

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

    /** The largest request body forwarded; a larger one is answered with 413 and never reaches an upstream. */
    @WithDefault("1M")
    MemorySize maxBodySize();

    /** How long the merged OpenAPI document is served before the upstreams are asked again. */
    @WithDefault("10s")
    Duration openapiCacheTtl();
}
