package io.tradeplex.gateway;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.time.Duration;

/**
 * One client request as the gateway handles it: its id, its normalized path and when it arrived. The path is the one
 * routed on, forwarded and logged; it never includes the query string, which may carry secrets.
 */
public record Exchange(RoutingContext ctx, String requestId, String path, long startedNanos) {
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final long NANOS_PER_SECOND = Duration.ofSeconds(1).toNanos();

    /** Starts handling a request that {@link RequestIds} has already given its id. */
    public static Exchange begin(RoutingContext ctx) {
        return new Exchange(ctx, RequestIds.of(ctx), ctx.normalizedPath(), System.nanoTime());
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

    /** Answers with a problem the client may retry after {@code wait}, said in whole seconds, at least one (RFC 9110 §10.2.3). */
    public void fail(GatewayProblem problem, Duration wait) {
        long seconds = Math.max(1, (wait.toNanos() + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND);
        response().putHeader("Retry-After", Long.toString(seconds));
        fail(problem);
    }
}
