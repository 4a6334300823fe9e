package io.tradeplex.order.broker.traffic;

import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.net.ProxyOptions;
import io.vertx.core.net.ProxyType;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.http.HttpClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One pooled HTTP client per distinct egress, created on first use and kept: accounts sharing an egress share it. */
@ApplicationScoped
public class EgressClients {
    private final Vertx vertx;
    private final TrafficConfig config;
    private final Map<Egress, HttpClient> clients = new ConcurrentHashMap<>();

    public EgressClients(Vertx vertx, TrafficConfig config) {
        this.vertx = vertx;
        this.config = config;
    }

    public HttpClient of(Egress egress) {
        return clients.computeIfAbsent(egress, this::create);
    }

    private HttpClient create(Egress egress) {
        HttpClientOptions options = new HttpClientOptions()
                .setConnectTimeout((int) config.timeout().toMillis())
                .setKeepAlive(true);
        if (egress.proxy() != null) {
            URI proxy = URI.create(egress.proxy());
            options.setProxyOptions(new ProxyOptions()
                    .setType("socks5".equals(proxy.getScheme()) ? ProxyType.SOCKS5 : ProxyType.HTTP)
                    .setHost(proxy.getHost())
                    .setPort(proxy.getPort()));
        }
        if (egress.sourceAddress() != null) {
            options.setLocalAddress(egress.sourceAddress());
        }
        return vertx.createHttpClient(options);
    }

    @PreDestroy
    void close() {
        clients.values().forEach(HttpClient::closeAndForget);
    }
}
