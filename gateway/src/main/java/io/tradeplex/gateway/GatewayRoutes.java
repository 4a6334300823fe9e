package io.tradeplex.gateway;

import io.tradeplex.gateway.openapi.OpenApiAggregator;
import io.tradeplex.gateway.proxy.ApiHandler;
import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/** Mounts the gateway's handlers; /q/health and /q/metrics are served by their extensions. */
@Singleton
public class GatewayRoutes {

    void mount(@Observes Router router, ApiHandler api, OpenApiAggregator openApi) {
        router.route("/api/*").handler(api);
        router.get("/q/openapi").handler(openApi);
    }
}
