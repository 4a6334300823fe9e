package io.tradeplex.gateway;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.jboss.logging.MDC;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One client request as the gateway handles it: its id, its normalized path and when it arrived. The path is the one
 * routed on, forwarded and logged; it never includes the query string, which may carry secrets.
 */
public record Exchange(RoutingContext ctx, String requestId, String path, long startedNanos) {
    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final Pattern SAFE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /** Keeps the client's request id only if it is safe to log and forward, echoes it, and labels the request's log lines. */
    public static Exchange begin(RoutingContext ctx) {
        String offered = ctx.request().getHeader(REQUEST_ID_HEADER);
        String requestId = offered != null && SAFE_REQUEST_ID.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
        ctx.response().putHeader(REQUEST_ID_HEADER, requestId);
        MDC.put("requestId", requestId);
        return new Exchange(ctx, requestId, ctx.normalizedPath(), System.nanoTime());
    }

    public HttpServerRequest request() {
        return ctx.request();
    }

    public HttpServerResponse response() {
        return ctx.response();
    }

    /** False once an answer has begun or the client has left. */
    public boolean awaitingAnswer() {
        return !response().headWritten() && !response().closed();
    }

    /**
     * Answers with an RFC 9457 problem. The first answer wins (a timeout and the failure it causes both end up here);
     * once an upstream's answer has begun, all that is left is to cut the connection so the client sees it incomplete.
     */
    public void fail(GatewayProblem problem) {
        HttpServerResponse response = response();
        if (response.ended() || response.closed()) {
            return;
        }
        if (response.headWritten()) {
            response.reset();
            return;
        }
        JsonObject body = new JsonObject()
                .put("type", "about:blank")
                .put("title", problem.title())
                .put("status", problem.status())
                .put("detail", problem.detail())
                .put("instance", path)
                .put("code", problem.code())
                .put("requestId", requestId);
        response.setStatusCode(problem.status()).putHeader(HttpHeaders.CONTENT_TYPE, PROBLEM_JSON).end(body.toBuffer());
        // Like nginx, read and drop what is left of a refused body: a client still sending it would otherwise block
        // and never read this answer.
        request().resume();
    }
}
