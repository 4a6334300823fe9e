package io.tradeplex.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradeplex.testing.TestTokens;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The bench's own strategy-service instance: its REST API (as the strategies' users) and its Prometheus metrics. */
final class StrategyServiceClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TOKEN_REUSE = Duration.ofMinutes(10);
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*})? (\\S+)$");
    private static final Pattern LE = Pattern.compile("le=\"([^\"]+)\"");

    private record Token(String value, long issuedNanos) {
    }

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<UUID, Token> tokens = new ConcurrentHashMap<>();

    StrategyServiceClient(String base) {
        this.base = base;
    }

    /** Creates a strategy and starts it; retried while the service does not know the user's account yet. */
    UUID createAndStart(UUID userId, UUID accountId, String symbol) throws IOException, InterruptedException {
        String body = JSON.writeValueAsString(Map.of("template", "sma-crossover", "accountId", accountId.toString(),
                "symbols", List.of(symbol), "interval", "1m",
                "params", Map.of("fastPeriod", 2, "slowPeriod", 3, "orderSizeUsd", "100")));
        HttpResponse<String> created = null;
        for (int attempt = 0; attempt < 50; attempt++) {
            created = send(userId, "POST", "/api/v1/strategies", body);
            if (created.statusCode() == 201) {
                break;
            }
            Thread.sleep(200);
        }
        if (created.statusCode() != 201) {
            throw new IllegalStateException("create: " + created.statusCode() + " " + created.body());
        }
        UUID strategyId = UUID.fromString(JSON.readTree(created.body()).get("strategyId").asText());
        HttpResponse<String> started = send(userId, "POST", "/api/v1/strategies/" + strategyId + "/start", "");
        if (started.statusCode() != 200) {
            throw new IllegalStateException("start: " + started.statusCode() + " " + started.body());
        }
        return strategyId;
    }

    /** Every sample of the service's Prometheus text, by name and labels, e.g. {@code x_bucket{le="0.1"}}. */
    Map<String, Double> metrics() throws IOException, InterruptedException {
        HttpResponse<String> reply = http.send(HttpRequest.newBuilder(URI.create(base + "/q/metrics"))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        Map<String, Double> samples = new HashMap<>();
        for (String line : reply.body().split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (!line.startsWith("#") && sample.matches()) {
                samples.put(sample.group(1) + (sample.group(2) == null ? "" : sample.group(2)),
                        Double.parseDouble(sample.group(3)));
            }
        }
        return samples;
    }

    /** The upper bound (seconds) of the histogram bucket holding {@code percentile} of what was observed in between. */
    static double percentile(Map<String, Double> before, Map<String, Double> after, String histogram,
                             double percentile) {
        Map<Double, Double> buckets = new java.util.TreeMap<>();
        for (Map.Entry<String, Double> sample : after.entrySet()) {
            if (sample.getKey().startsWith(histogram + "_bucket{")) {
                Matcher le = LE.matcher(sample.getKey());
                if (le.find()) {
                    double bound = le.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le.group(1));
                    buckets.merge(bound, sample.getValue() - before.getOrDefault(sample.getKey(), 0d), Double::sum);
                }
            }
        }
        double total = buckets.getOrDefault(Double.POSITIVE_INFINITY, 0d);
        if (total <= 0) {
            return Double.NaN;
        }
        for (Map.Entry<Double, Double> bucket : buckets.entrySet()) {
            if (bucket.getValue() >= total * percentile / 100) {
                return bucket.getKey();
            }
        }
        return Double.POSITIVE_INFINITY;
    }

    static double delta(Map<String, Double> before, Map<String, Double> after, String name) {
        return after.getOrDefault(name, 0d) - before.getOrDefault(name, 0d);
    }

    private HttpResponse<String> send(UUID userId, String method, String path, String body)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + tokenOf(userId))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private String tokenOf(UUID userId) {
        return tokens.compute(userId, (id, held) -> held != null
                && System.nanoTime() - held.issuedNanos < TOKEN_REUSE.toNanos() ? held
                : new Token(TestTokens.trader(id), System.nanoTime())).value;
    }
}
