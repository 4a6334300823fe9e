package io.tradeplex.gateway.openapi;

import io.tradeplex.gateway.Exchange;
import io.tradeplex.gateway.GatewayConfig;
import io.tradeplex.gateway.GatewayProblem;
import io.tradeplex.gateway.observability.AccessLog;
import io.tradeplex.gateway.routing.RouteTable;
import io.tradeplex.gateway.routing.Upstream;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Serves {@code /q/openapi}: one OpenAPI document for the whole platform, merged from every upstream's own. An upstream
 * that is down is left out rather than failing the document. Where two upstreams define the same path or component,
 * the first by upstream name wins.
 */
@Singleton
public class OpenApiAggregator implements Handler<RoutingContext> {
    private static final Logger LOG = Logger.getLogger(OpenApiAggregator.class);

    private final RouteTable routes;
    private final HttpClient client;
    private final AccessLog accessLog;
    private final long cacheTtlNanos;
    private final long timeoutMillis;
    private final AtomicReference<Cached> cached = new AtomicReference<>();

    private record Cached(Future<JsonObject> document, long expiresAtNanos) {
    }

    public OpenApiAggregator(RouteTable routes, HttpClient client, AccessLog accessLog, GatewayConfig config) {
        this.routes = routes;
        this.client = client;
        this.accessLog = accessLog;
        this.cacheTtlNanos = config.openapiCacheTtl().toNanos();
        this.timeoutMillis = config.upstreamTimeout().toMillis();
    }

    @Override
    public void handle(RoutingContext ctx) {
        Exchange exchange = Exchange.begin(ctx);
        accessLog.recordWhenDone(exchange, "openapi", null, null);
        document().onComplete(merged -> {
            if (merged.succeeded()) {
                ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(merged.result().toBuffer());
            } else {
                LOG.warnf("Cannot merge the upstreams' OpenAPI documents: %s", merged.cause().toString());
                exchange.fail(GatewayProblem.UPSTREAM_UNAVAILABLE);
            }
        });
    }

    /** Concurrent callers share one fetch; the result is kept a few seconds so a down upstream does not slow every call. */
    private Future<JsonObject> document() {
        long now = System.nanoTime();
        Cached current = cached.get();
        if (current != null && now - current.expiresAtNanos() < 0) {
            return current.document();
        }
        List<Future<JsonObject>> fetches = routes.upstreams().stream().map(this::fetch).toList();
        Future<JsonObject> merged = Future.all(fetches).map(all -> merge(fetches.stream().map(Future::result).toList()));
        cached.set(new Cached(merged, now + cacheTtlNanos));
        return merged;
    }

    /** @return the upstream's document, or null (never a failure) when it cannot be had */
    private Future<JsonObject> fetch(Upstream upstream) {
        RequestOptions options = new RequestOptions()
                .setHost(upstream.host())
                .setPort(upstream.port())
                .setSsl(upstream.ssl())
                .setURI("/q/openapi?format=json")
                .setConnectTimeout(timeoutMillis)
                .setIdleTimeout(timeoutMillis);
        return client.request(options)
                .compose(HttpClientRequest::send)
                .compose(response -> response.statusCode() == 200
                        ? response.body() : Future.failedFuture("HTTP " + response.statusCode()))
                .map(Buffer::toJsonObject)
                .otherwise(error -> {
                    LOG.debugf("OpenAPI document of %s left out: %s", upstream.name(), error.getMessage());
                    return null;
                });
    }

    private static JsonObject merge(List<JsonObject> documents) {
        List<JsonObject> available = documents.stream().filter(Objects::nonNull).toList();
        JsonObject paths = new JsonObject();
        JsonObject components = new JsonObject();
        for (JsonObject document : available) {
            copyAbsent(document.getJsonObject("paths", new JsonObject()), paths);
            document.getJsonObject("components", new JsonObject()).forEach(section -> {
                if (!components.containsKey(section.getKey())) {
                    components.put(section.getKey(), new JsonObject());
                }
                copyAbsent((JsonObject) section.getValue(), components.getJsonObject(section.getKey()));
            });
        }
        return new JsonObject()
                .put("openapi", available.isEmpty() ? "3.1.0" : available.get(0).getString("openapi", "3.1.0"))
                .put("info", new JsonObject().put("title", "Tradeplex API").put("version", "1.0"))
                .put("paths", paths)
                .put("components", components);
    }

    private static void copyAbsent(JsonObject from, JsonObject to) {
        from.forEach(entry -> {
            if (!to.containsKey(entry.getKey())) {
                to.put(entry.getKey(), entry.getValue());
            }
        });
    }
}
