package io.tradeplex.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The benchmark's only way into the platform: JSON over HTTP/1.1 to the gateway, asynchronously. */
final class Gateway implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    /** An answer: the HTTP status (0 when there was none) and the parsed body (missing when not JSON). */
    record Reply(int status, JsonNode body, String retryAfter, String failure) {
        boolean is(int expected) {
            return status == expected;
        }

        /** "422 ORDER_SIZE_LIMIT", "429", "IO ConnectException": how errors are counted. */
        String errorKey() {
            if (status == 0) {
                return "no answer (" + failure + ")";
            }
            String code = body.path("code").asText("");
            return code.isEmpty() ? String.valueOf(status) : status + " " + code;
        }
    }

    private final URI base;
    private final ExecutorService executor;
    private final HttpClient http;

    Gateway(String baseUrl) {
        this.base = URI.create(baseUrl + "/");
        // A small fixed pool: the answers are cheap to handle and the client shares two cores with the platform.
        this.executor = Executors.newFixedThreadPool(3, runnable -> {
            Thread thread = new Thread(runnable, "gateway-client");
            thread.setDaemon(true);
            return thread;
        });
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(executor)
                .build();
    }

    CompletableFuture<Reply> get(String path, String token) {
        return send(request(path, token).GET());
    }

    CompletableFuture<Reply> post(String path, Object body, String token) {
        String json;
        try {
            json = body instanceof String text ? text : JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return send(request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Blocking variant for the set-up phase. */
    Reply call(CompletableFuture<Reply> reply) {
        return reply.join();
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path.startsWith("/") ? path.substring(1) : path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private CompletableFuture<Reply> send(HttpRequest.Builder request) {
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray())
                .handle((response, failure) -> {
                    if (failure != null) {
                        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                        return new Reply(0, MissingNode.getInstance(), null, cause.getClass().getSimpleName());
                    }
                    JsonNode body = MissingNode.getInstance();
                    byte[] bytes = response.body();
                    if (bytes.length > 0) {
                        try {
                            body = JSON.readTree(bytes);
                        } catch (IOException notJson) {
                            // Kept as missing: the status says enough.
                        }
                    }
                    return new Reply(response.statusCode(), body,
                            response.headers().firstValue("Retry-After").orElse(null), null);
                });
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
