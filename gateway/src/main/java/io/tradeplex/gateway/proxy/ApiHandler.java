package io.tradeplex.gateway.proxy;

import io.tradeplex.gateway.Exchange;
import io.tradeplex.gateway.GatewayConfig;
import io.tradeplex.gateway.GatewayProblem;
import io.tradeplex.gateway.circuit.CircuitBreaker;
import io.tradeplex.gateway.circuit.CircuitBreakers;
import io.tradeplex.gateway.observability.AccessLog;
import io.tradeplex.gateway.ratelimit.RateLimiter;
import io.tradeplex.gateway.routing.Route;
import io.tradeplex.gateway.routing.RouteTable;
import io.tradeplex.gateway.routing.Upstream;
import io.tradeplex.gateway.security.AccessTokenVerifier;
import io.tradeplex.gateway.security.PublicEndpoints;
import io.tradeplex.gateway.security.TokenRejected;
import io.tradeplex.gateway.security.VerifiedToken;
import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import org.jboss.logging.MDC;

import java.time.Duration;
import java.util.Optional;

/**
 * Everything under /api: route, authenticate, rate-limit, check the size, check the upstream's breaker, forward.
 * Every refusal comes before any upstream is called.
 */
@Singleton
public class ApiHandler implements Handler<RoutingContext> {
    private final RouteTable routes;
    private final AccessTokenVerifier tokens;
    private final RateLimiter rateLimiter;
    private final CircuitBreakers breakers;
    private final UpstreamForwarder forwarder;
    private final AccessLog accessLog;
    private final long maxBodyBytes;

    public ApiHandler(RouteTable routes, AccessTokenVerifier tokens, RateLimiter rateLimiter, CircuitBreakers breakers,
                      UpstreamForwarder forwarder, AccessLog accessLog, GatewayConfig config) {
        this.routes = routes;
        this.tokens = tokens;
        this.rateLimiter = rateLimiter;
        this.breakers = breakers;
        this.forwarder = forwarder;
        this.accessLog = accessLog;
        this.maxBodyBytes = config.maxBodySize().asLongValue();
    }

    @Override
    public void handle(RoutingContext ctx) {
        Exchange exchange = Exchange.begin(ctx);
        HttpServerRequest request = ctx.request();
        Optional<Route> route = routes.match(exchange.path());
        if (route.isEmpty()) {
            accessLog.recordWhenDone(exchange, "unmatched", null, null);
            exchange.fail(GatewayProblem.NO_ROUTE);
            return;
        }
        Upstream upstream = route.get().upstream();
        if (PublicEndpoints.contains(request.method(), exchange.path())) {
            // Before a token exists the only name a caller has is its address.
            Optional<Duration> wait = rateLimiter.acquireForClient(request.remoteAddress().hostAddress());
            if (wait.isPresent()) {
                refuse(exchange, upstream, null, GatewayProblem.RATE_LIMITED, wait.get());
            } else {
                forward(exchange, upstream, null);
            }
            return;
        }
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null) {
            // RFC 6750 §3: a missing token gets a bare challenge.
            exchange.response().putHeader("WWW-Authenticate", "Bearer");
            refuse(exchange, upstream, null, GatewayProblem.TOKEN_MISSING);
            return;
        }
        // Verifying may wait for the key set to be fetched: the body waits in Vert.x's buffer meanwhile, and the rest
        // of the request is handled back on its own event loop.
        request.pause();
        Context requestContext = Vertx.currentContext();
        tokens.verify(authorization).onComplete(verdict -> {
            if (Vertx.currentContext() == requestContext) {
                authenticated(exchange, upstream, verdict);
            } else {
                requestContext.runOnContext(ignored -> authenticated(exchange, upstream, verdict));
            }
        });
    }

    private void authenticated(Exchange exchange, Upstream upstream, AsyncResult<VerifiedToken> verdict) {
        if (verdict.failed()) {
            // RFC 6750 §3: a rejected token is said to be invalid, in general terms only.
            exchange.response().putHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            refuse(exchange, upstream, null, verdict.cause() instanceof TokenRejected rejected
                    ? rejected.problem() : GatewayProblem.TOKEN_INVALID);
            return;
        }
        String userId = verdict.result().userId();
        MDC.put("userId", userId);
        Optional<Duration> wait = rateLimiter.acquireForUser(userId);
        if (wait.isPresent()) {
            refuse(exchange, upstream, userId, GatewayProblem.RATE_LIMITED, wait.get());
        } else {
            forward(exchange, upstream, userId);
        }
    }

    private void forward(Exchange exchange, Upstream upstream, String userId) {
        if (declaredBodyLength(exchange.request()) > maxBodyBytes) {
            refuse(exchange, upstream, userId, GatewayProblem.BODY_TOO_LARGE);
            return;
        }
        CircuitBreaker breaker = breakers.of(upstream);
        Optional<CircuitBreaker.Permit> permit = breaker.tryAcquire();
        if (permit.isEmpty()) {
            refuse(exchange, upstream, userId, GatewayProblem.UPSTREAM_CIRCUIT_OPEN, breaker.retryAfter());
            return;
        }
        accessLog.recordWhenDone(exchange, upstream.name(), upstream, userId);
        forwarder.forward(exchange, upstream, permit.get());
    }

    private void refuse(Exchange exchange, Upstream upstream, String userId, GatewayProblem problem) {
        accessLog.recordWhenDone(exchange, upstream.name(), null, userId);
        exchange.fail(problem);
    }

    private void refuse(Exchange exchange, Upstream upstream, String userId, GatewayProblem problem, Duration retryAfter) {
        accessLog.recordWhenDone(exchange, upstream.name(), null, userId);
        exchange.fail(problem, retryAfter);
    }

    /** Netty has already refused a malformed Content-Length with 400. */
    private static long declaredBodyLength(HttpServerRequest request) {
        String contentLength = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        return contentLength == null ? 0 : Long.parseLong(contentLength.strip());
    }
}
