package io.tradeplex.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stand-ins for the backend services: one small HTTP server per upstream name, recording every API request that
 * reaches it and answering as the test says. {@code /q/openapi} answers a tiny document naming the upstream, and the
 * gateway's own JWKS fetches (told from forwarded client calls by their lack of X-Forwarded-For) get the published
 * key set; neither is recorded.
 */
public final class FakeUpstreams implements AutoCloseable {

    /** An API request as an upstream received it. Header names are case-insensitive. */
    public record Received(String upstream, String method, String uri, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            List<String> values = headers.get(name);
            return values == null ? null : values.get(0);
        }
    }

    /** How an upstream answers an API request. */
    @FunctionalInterface
    public interface Responder {
        void respond(String upstream, HttpExchange exchange) throws IOException;
    }

    private static final Responder SERVED_BY = (upstream, exchange) ->
            reply(exchange, 200, Map.of("Content-Type", "application/json"), "{\"servedBy\":\"" + upstream + "\"}");
    /** Bad luck on one upstream: it closes every connection without a word, as a service that crashed mid-request. */
    public static Responder dropConnectionsTo(String brokenUpstream) {
        return (upstream, exchange) -> {
            if (upstream.equals(brokenUpstream)) {
                exchange.close();
            } else {
                SERVED_BY.respond(upstream, exchange);
            }
        };
    }
    public static final String JWKS_PATH = "/api/v1/auth/jwks";
    private static final String DEFAULT_JWKS = TestSigningKey.jwks(TestSigningKey.shared());

    private final Map<String, HttpServer> servers = new LinkedHashMap<>();
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile Responder responder = SERVED_BY;
    private volatile String jwks = DEFAULT_JWKS;
    private final AtomicInteger jwksFetches = new AtomicInteger();

    public static FakeUpstreams start(List<String> names) throws IOException {
        FakeUpstreams upstreams = new FakeUpstreams();
        for (String name : names) {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> upstreams.handle(name, exchange));
            server.setExecutor(upstreams.executor);
            server.start();
            upstreams.servers.put(name, server);
        }
        return upstreams;
    }

    /** A local port nobody listens on, for an upstream that is down. */
    public static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public String url(String name) {
        return "http://127.0.0.1:" + servers.get(name).getAddress().getPort();
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public Received single() {
        List<Received> all = received();
        if (all.size() != 1) {
            throw new AssertionError("Expected exactly one upstream request, got " + all);
        }
        return all.get(0);
    }

    public void answer(Responder responder) {
        this.responder = responder;
    }

    /** What the gateway's next JWKS fetch gets. */
    public void publishKeys(TestSigningKey... keys) {
        jwks = TestSigningKey.jwks(keys);
    }

    /** How many times the gateway has fetched the JWKS so far. */
    public int jwksFetches() {
        return jwksFetches.get();
    }

    /** Back to answering 200 {"servedBy": name} and publishing the shared test key only, with nothing recorded. */
    public void reset() {
        responder = SERVED_BY;
        jwks = DEFAULT_JWKS;
        received.clear();
    }

    public static void reply(HttpExchange exchange, int status, Map<String, String> headers, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        headers.forEach(exchange.getResponseHeaders()::add);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private void handle(String upstream, HttpExchange exchange) throws IOException {
        try (exchange) {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (exchange.getRequestURI().getPath().equals("/q/openapi")) {
                reply(exchange, 200, Map.of("Content-Type", "application/json"), openApiDocument(upstream));
                return;
            }
            if (exchange.getRequestURI().getPath().equals(JWKS_PATH) && !exchange.getRequestHeaders().containsKey("X-Forwarded-For")) {
                jwksFetches.incrementAndGet();
                reply(exchange, 200, Map.of("Content-Type", "application/json"), jwks);
                return;
            }
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            headers.putAll(exchange.getRequestHeaders());
            received.add(new Received(upstream, exchange.getRequestMethod(), exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()),
                    Collections.unmodifiableMap(headers), body));
            responder.respond(upstream, exchange);
        }
    }

    private static String openApiDocument(String upstream) {
        return """
                {"openapi": "3.1.0", "info": {"title": "%1$s", "version": "1"},
                 "paths": {"/api/v1/%1$s-things": {"get": {"responses": {"200": {"description": "OK"}}}}},
                 "components": {"schemas": {"%1$sThing": {"type": "object"}, "Problem": {"type": "object"}}}}
                """.formatted(upstream);
    }

    @Override
    public void close() {
        servers.values().forEach(server -> server.stop(0));
        executor.shutdownNow();
    }
}
