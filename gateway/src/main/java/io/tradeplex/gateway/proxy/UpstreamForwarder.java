package io.tradeplex.gateway.proxy;

import io.tradeplex.gateway.Exchange;
import io.tradeplex.gateway.GatewayConfig;
import io.tradeplex.gateway.GatewayProblem;
import io.tradeplex.gateway.circuit.CircuitBreaker;
import io.tradeplex.gateway.routing.Upstream;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.streams.Pipe;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sends a client request to its upstream and streams the answer back. Bodies are piped in both directions, never
 * buffered, so a server-sent-event stream reaches the client event by event. Each call settles its circuit-breaker
 * permit: an answer is a success; no connection, a broken one or no answer in time is a failure; anything the
 * client caused (leaving, an oversized or slow body) says nothing about the upstream, so that a client can never open
 * a breaker for everyone else.
 */
@Singleton
public class UpstreamForwarder {
    private static final Logger LOG = Logger.getLogger(UpstreamForwarder.class);

    private final HttpClient client;
    private final Vertx vertx;
    private final long timeoutMillis;
    private final long maxBodyBytes;

    public UpstreamForwarder(HttpClient client, Vertx vertx, GatewayConfig config) {
        this.client = client;
        this.vertx = vertx;
        this.timeoutMillis = config.upstreamTimeout().toMillis();
        this.maxBodyBytes = config.maxBodySize().asLongValue();
    }

    public void forward(Exchange exchange, Upstream upstream, CircuitBreaker.Permit permit) {
        HttpServerRequest request = exchange.request();
        // Piping pauses the body; it waits in Vert.x until the upstream connection is ready.
        Pipe<Buffer> body = new SizeLimitedBody(request, maxBodyBytes).pipe().endOnFailure(false);
        if ("100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))) {
            exchange.response().writeContinue();
        }
        RequestOptions options = new RequestOptions()
                .setMethod(request.method())
                .setHost(upstream.host())
                .setPort(upstream.port())
                .setSsl(upstream.ssl())
                .setURI(request.query() == null ? exchange.path() : exchange.path() + "?" + request.query())
                .setHeaders(ForwardedHeaders.toUpstream(request, exchange.requestId()))
                .setConnectTimeout(timeoutMillis);
        client.request(options).onComplete(connected -> {
            if (connected.succeeded()) {
                send(exchange, upstream, connected.result(), body, permit);
            } else if (connected.cause() instanceof ConnectionPoolTooBusyException) {
                // Our own queue is full: shed this request; it says nothing new about the upstream's health.
                permit.abandoned();
                body.close();
                exchange.fail(GatewayProblem.UPSTREAM_BUSY, Duration.ofSeconds(1));
            } else {
                LOG.warnf("No connection to upstream %s: %s", upstream.name(), connected.cause().toString());
                permit.failed();
                body.close();
                exchange.fail(connected.cause() instanceof TimeoutException
                        ? GatewayProblem.UPSTREAM_TIMEOUT : GatewayProblem.UPSTREAM_UNAVAILABLE);
            }
        });
    }

    private void send(Exchange exchange, Upstream upstream, HttpClientRequest upstreamRequest, Pipe<Buffer> body,
                      CircuitBreaker.Permit permit) {
        upstreamRequest.setChunked(ForwardedHeaders.hasUndeclaredLength(exchange.request()));
        // Every failure also reaches the response or the body pipe below; without a handler Vert.x would log our own resets as errors.
        upstreamRequest.exceptionHandler(error -> LOG.debugf("Upstream %s request ended: %s", upstream.name(), error.toString()));
        AtomicBoolean bodySent = new AtomicBoolean();
        // Only the wait for the answer's head is bounded: a stream may then stay open as long as both sides want.
        long deadline = vertx.setTimer(timeoutMillis, expired -> {
            LOG.warnf("Upstream %s did not answer within %d ms", upstream.name(), timeoutMillis);
            // An upstream waiting for the rest of a slowly sent body is not the one at fault.
            if (bodySent.get()) {
                permit.failed();
            } else {
                permit.abandoned();
            }
            exchange.fail(GatewayProblem.UPSTREAM_TIMEOUT);
            upstreamRequest.reset();
        });
        // A client that leaves (a closed event stream, say) must not leave its upstream request running.
        exchange.ctx().addEndHandler(done -> {
            if (done.failed()) {
                permit.abandoned();
                vertx.cancelTimer(deadline);
                upstreamRequest.reset();
            }
        });
        body.to(upstreamRequest).onComplete(sent -> {
            if (sent.succeeded()) {
                bodySent.set(true);
                return;
            }
            // Either side may have broken the transfer; only the client can be told apart, so neither counts.
            permit.abandoned();
            // Answer first: resetting the upstream request fails its response, which must not answer 502 instead.
            exchange.fail(sent.cause() instanceof SizeLimitedBody.TooLarge
                    ? GatewayProblem.BODY_TOO_LARGE : GatewayProblem.UPSTREAM_UNAVAILABLE);
            upstreamRequest.reset();
        });
        upstreamRequest.response().onComplete(answer -> {
            vertx.cancelTimer(deadline);
            if (answer.succeeded()) {
                permit.succeeded();
                relay(exchange, answer.result());
            } else if (exchange.awaitingAnswer()) {
                LOG.warnf("Upstream %s gave no answer: %s", upstream.name(), answer.cause().toString());
                permit.failed();
                exchange.fail(GatewayProblem.UPSTREAM_UNAVAILABLE);
            } else {
                permit.abandoned();
            }
        });
    }

    private static void relay(Exchange exchange, HttpClientResponse answer) {
        if (!exchange.awaitingAnswer()) {
            answer.request().reset();
            return;
        }
        HttpServerResponse response = exchange.response();
        response.setStatusCode(answer.statusCode()).setStatusMessage(answer.statusMessage());
        ForwardedHeaders.copyToClient(answer.headers(), response.headers());
        if (!response.headers().contains(HttpHeaders.CONTENT_LENGTH) && mayHaveBody(exchange.request().method(), answer.statusCode())) {
            response.setChunked(true);
        }
        // A client that leaves mid-body must not leave the upstream answer half read: an HTTP/1.1 connection goes back
        // to the pool only once its answer is consumed, so every such leak would hold one of the upstream's pooled
        // connections for good, and under load the pool would run dry and stay dry.
        answer.pipe().endOnFailure(false).to(response).onFailure(broken -> {
            response.reset();
            answer.request().reset();
        });
    }

    private static boolean mayHaveBody(HttpMethod method, int status) {
        return method != HttpMethod.HEAD && status >= 200 && status != 204 && status != 304;
    }
}
