package io.tradeplex.gateway.circuit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.tradeplex.gateway.GatewayConfig;
import io.tradeplex.gateway.routing.RouteTable;
import io.tradeplex.gateway.routing.Upstream;
import io.tradeplex.gateway.time.TimeSource;
import jakarta.inject.Singleton;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** One breaker per upstream, so one failing service is cut off while the others are still called. */
@Singleton
public class CircuitBreakers {
    private final Map<String, CircuitBreaker> byUpstream;

    public CircuitBreakers(RouteTable routes, GatewayConfig config, TimeSource time, MeterRegistry registry) {
        GatewayConfig.CircuitBreaker settings = config.circuitBreaker();
        this.byUpstream = routes.upstreams().stream().collect(Collectors.toUnmodifiableMap(Upstream::name,
                upstream -> new CircuitBreaker(settings.failureThreshold(), settings.openDuration(), time)));
        byUpstream.forEach((name, breaker) -> {
            for (CircuitBreaker.State state : CircuitBreaker.State.values()) {
                // One series per state, 1 for the current one: alerts read "open == 1" without decoding numbers.
                Gauge.builder("tradeplex.gateway.upstream.circuit.state", breaker, current -> current.state() == state ? 1 : 0)
                        .description("Circuit breaker state per upstream: 1 for the state it is in")
                        .tag("upstream", name)
                        .tag("state", state.name().toLowerCase(Locale.ROOT))
                        .strongReference(true)
                        .register(registry);
            }
        });
    }

    public CircuitBreaker of(Upstream upstream) {
        return byUpstream.get(upstream.name());
    }
}
