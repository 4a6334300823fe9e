package io.tradeplex.gateway.proxy;

import io.tradeplex.gateway.GatewayConfig;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The one HTTP client to all upstreams: keep-alive connections pooled per upstream, bodies passed through as sent. */
@Singleton
public class UpstreamClient {

    @Produces
    @Singleton
    HttpClient upstreamClient(Vertx vertx, GatewayConfig config) {
        HttpClientOptions options = new HttpClientOptions().setName("gateway-upstreams").setKeepAlive(true);
        // A bounded wait queue sheds load at once (503) instead of letting requests pile up for the whole timeout.
        return vertx.createHttpClient(options, new PoolOptions().setHttp1MaxSize(config.maxConnectionsPerUpstream())
                .setMaxWaitQueueSize(config.maxWaitingPerUpstream()));
    }

    void close(@Disposes HttpClient client) {
        client.close();
    }
}
