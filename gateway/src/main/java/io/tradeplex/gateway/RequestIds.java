package io.tradeplex.gateway;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.jboss.logging.MDC;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request an id, before anything else can answer it (CORS preflights, health, metrics and the API alike):
 * the client's own {@code X-Request-Id} if it is safe to log and forward, a fresh one otherwise. It is echoed on the
 * response, labels the request's log lines and is forwarded upstream.
 */
@Singleton
public class RequestIds {
    public static final String HEADER = "X-Request-Id";
    private static final String CONTEXT_KEY = "tradeplex.requestId";
    /** Quarkus's CORS filter has priority 300 and answers preflights itself; a higher priority runs first. */
    private static final int BEFORE_CORS = 400;
    private static final Pattern SAFE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    void register(@Observes Filters filters) {
        filters.register(RequestIds::assign, BEFORE_CORS);
    }

    private static void assign(RoutingContext ctx) {
        String offered = ctx.request().getHeader(HEADER);
        String requestId = offered != null && SAFE_REQUEST_ID.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
        ctx.put(CONTEXT_KEY, requestId);
        ctx.response().putHeader(HEADER, requestId);
        MDC.put("requestId", requestId);
        ctx.next();
    }

    /** The id {@link #assign} gave this request. */
    static String of(RoutingContext ctx) {
        return ctx.get(CONTEXT_KEY);
    }
}
