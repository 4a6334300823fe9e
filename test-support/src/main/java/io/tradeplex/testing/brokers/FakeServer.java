package io.tradeplex.testing.brokers;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * The plumbing the fake brokers share: a JDK HTTP server on loopback, on a free port (module tests) or a fixed one (the
 * e2e suite, where the running user-service was configured with the fake's URL).
 */
public abstract class FakeServer implements AutoCloseable {
    private final HttpServer server;

    FakeServer(int port) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start a fake broker", e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
    }

    final void start(String path) {
        server.createContext(path, exchange -> {
            try (exchange) {
                handle(exchange);
            } catch (RuntimeException e) {
                respond(exchange, 500, "{\"error\":\"fake broker failed: " + e.getClass().getSimpleName() + "\"}");
            }
        });
        server.start();
    }

    abstract void handle(HttpExchange exchange) throws IOException;

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    static Map<String, String> form(String encoded) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return fields;
        }
        for (String pair : encoded.split("&")) {
            int separator = pair.indexOf('=');
            String name = separator < 0 ? pair : pair.substring(0, separator);
            String value = separator < 0 ? "" : pair.substring(separator + 1);
            fields.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return fields;
    }
}
