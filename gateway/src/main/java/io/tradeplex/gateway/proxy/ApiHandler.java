package io.tradeplex.gateway.proxy;

import io.tradeplex.gateway.Exchange;
import io.tradeplex.gateway.GatewayConfig;
import io.tradeplex.gateway.GatewayProblem;
import io.tradeplex.gateway.observability.AccessLog;
import io.tradeplex.gateway.routing.Route;
import io.tradeplex.gateway.routing.RouteTable;
import io.tradeplex.gateway.security.AccessTokenVerifier;
import io.tradeplex.gateway.security.PublicEndpoints;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import org.jboss.logging.MDC;

import java.util.Optional;

/** Everything under /api: route, authenticate, check the size, forward. Every refusal comes before any upstream is called. */
@Singleton
public class ApiHandler implements Handler<RoutingContext> {
    private final RouteTable routes;
    private final AccessTokenVerifier tokens;
    private final UpstreamForwarder forwarder;
    private final AccessLog accessLog;
    private final long maxBodyBytes;

    public ApiHandler(RouteTable routes, AccessTokenVerifier tokens, UpstreamForwarder forwarder, AccessLog accessLog,
                      GatewayConfig config) {
        this.routes = routes;
        this.tokens = tokens;
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
        String upstreamName = route.get().upstream().name();
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        boolean isPublic = PublicEndpoints.contains(request.method(), exchange.path());
        Optional<String> userId = isPublic ? Optional.empty() : tokens.verifiedUserId(authorization);
        userId.ifPresent(id -> MDC.put("userId", id));

        if (!isPublic && userId.isEmpty()) {
            accessLog.recordWhenDone(exchange, upstreamName, null, null);
            // RFC 6750 §3: a missing token gets a bare challenge, a rejected one says why in general terms only.
            exchange.response().putHeader("WWW-Authenticate", authorization == null ? "Bearer" : "Bearer error=\"invalid_token\"");
            exchange.fail(authorization == null ? GatewayProblem.TOKEN_MISSING : GatewayProblem.TOKEN_INVALID);
        } else if (declaredBodyLength(request) > maxBodyBytes) {
            accessLog.recordWhenDone(exchange, upstreamName, null, userId.orElse(null));
            exchange.fail(GatewayProblem.BODY_TOO_LARGE);
        } else {
            accessLog.recordWhenDone(exchange, upstreamName, route.get().upstream(), userId.orElse(null));
            forwarder.forward(exchange, route.get().upstream());
        }
    }

    /** Netty has already refused a malformed Content-Length with 400. */
    private static long declaredBodyLength(HttpServerRequest request) {
        String contentLength = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        return contentLength == null ? 0 : Long.parseLong(contentLength.strip());
    }
}
