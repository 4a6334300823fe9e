package io.tradeplex.gateway.routing;

import io.tradeplex.gateway.GatewayConfig;
import jakarta.inject.Singleton;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The configured routes, checked once at start so a typo in an upstream name fails the boot, not a request. */
@Singleton
public class RouteTable {
    private final List<Upstream> upstreams;
    private final Map<String, Upstream> byName;
    private final List<Route> longestPrefixFirst;

    public RouteTable(GatewayConfig config) {
        this.byName = config.upstreams().entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> new Upstream(e.getKey(), e.getValue())));
        this.upstreams = byName.values().stream().sorted(Comparator.comparing(Upstream::name)).toList();
        this.longestPrefixFirst = config.routes().entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(prefix -> new Route(prefix, routedTo(byName, e.getKey()))))
                .sorted(Comparator.comparingInt((Route route) -> route.prefix().length()).reversed())
                .toList();
        List<String> duplicates = longestPrefixFirst.stream().collect(Collectors.groupingBy(Route::prefix, Collectors.counting()))
                .entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
        if (!duplicates.isEmpty()) {
            throw new IllegalStateException("Path prefixes routed to more than one upstream: " + duplicates);
        }
    }

    public Optional<Route> match(String path) {
        return longestPrefixFirst.stream().filter(route -> route.matches(path)).findFirst();
    }

    public List<Upstream> upstreams() {
        return upstreams;
    }

    public Optional<Upstream> upstream(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    private static Upstream routedTo(Map<String, Upstream> byName, String name) {
        Upstream upstream = byName.get(name);
        if (upstream == null) {
            throw new IllegalStateException("tradeplex.gateway.routes." + name + " names no tradeplex.gateway.upstreams entry");
        }
        return upstream;
    }
}
