package io.tradeplex.gateway.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tradeplex.gateway.Exchange;
import io.tradeplex.gateway.routing.Upstream;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.time.Duration;

/** One JSON line and one timer sample per request. The line is JSON-encoded, so client input cannot forge lines. */
@Singleton
public class AccessLog {
    private static final Logger LOG = Logger.getLogger("io.tradeplex.gateway.access");

    private final MeterRegistry registry;

    public AccessLog(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * Once the response is finished, or the client has gone, logs and times the request.
     *
     * @param route    the metric tag: an upstream name, or what the gateway answered itself ({@code openapi}, {@code unmatched})
     * @param upstream where the request was sent, null if nowhere
     * @param userId   the verified token subject, null for a public or rejected request
     */
    public void recordWhenDone(Exchange exchange, String route, Upstream upstream, String userId) {
        exchange.ctx().addEndHandler(done -> {
            int status = exchange.response().getStatusCode();
            Duration duration = Duration.ofNanos(System.nanoTime() - exchange.startedNanos());
            Timer.builder("tradeplex.gateway.requests")
                    .description("Requests through the gateway, by route and status class")
                    .tag("route", route)
                    .tag("status", status / 100 + "xx")
                    .register(registry)
                    .record(duration);
            LOG.info(new JsonObject()
                    .put("method", exchange.request().method().name())
                    .put("path", exchange.path())
                    .put("status", status)
                    .put("durationMs", duration.toMillis())
                    .put("requestId", exchange.requestId())
                    .put("userId", userId)
                    .put("upstream", upstream == null ? null : upstream.name())
                    .encode());
        });
    }
}
