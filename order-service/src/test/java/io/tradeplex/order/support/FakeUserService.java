package io.tradeplex.order.support;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import io.tradeplex.kit.internal.ServiceSignature;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stands in for user-service's {@code GET /api/v1/me/broker-accounts/{id}} (another service, not our infrastructure):
 * it answers 200 only when the bearer token's subject owns the account, 404 otherwise — the same contract. Its
 * internal endpoints answer only calls signed as order-service: the vault's credentials (409 KITE_LOGIN_REQUIRED once a
 * Kite account was reported) and the login-required report, which it records.
 */
public class FakeUserService implements QuarkusTestResourceLifecycleManager {
    private static final Map<UUID, UUID> OWNER_BY_ACCOUNT = new ConcurrentHashMap<>();
    private static final Map<UUID, String[]> KEYS_BY_ACCOUNT = new ConcurrentHashMap<>();
    private static final Map<UUID, java.util.concurrent.atomic.AtomicInteger> LOOKUPS = new ConcurrentHashMap<>();
    private static final Map<UUID, java.util.List<String>> KILL_SWITCHES = new ConcurrentHashMap<>();
    private static final Map<UUID, String[]> KITE_SESSIONS = new ConcurrentHashMap<>();
    private static final Map<UUID, List<String>> LOGIN_REQUIRED_REPORTS = new ConcurrentHashMap<>();
    private static final Set<UUID> LOGIN_REQUIRED = ConcurrentHashMap.newKeySet();
    private static volatile boolean loginRequiredFails;
    private static final byte[] INTERNAL_SECRET =
            "test-internal-secret-do-not-use-in-production".getBytes(StandardCharsets.UTF_8);
    private HttpServer server;

    public static UUID paperAccountOf(UUID userId) {
        UUID accountId = UUID.randomUUID();
        OWNER_BY_ACCOUNT.put(accountId, userId);
        return accountId;
    }

    /** A Binance account whose keys the internal vault endpoint reveals, to a correctly signed call only. */
    public static UUID binanceAccountOf(UUID userId, String apiKey, String apiSecret) {
        UUID accountId = paperAccountOf(userId);
        KEYS_BY_ACCOUNT.put(accountId, new String[]{apiKey, apiSecret});
        return accountId;
    }

    /** A Kite account with a live session: its keys, the day's access token and Kite's user id. */
    public static UUID kiteAccountOf(UUID userId, String apiKey, String apiSecret, String accessToken, String kiteUserId) {
        UUID accountId = binanceAccountOf(userId, apiKey, apiSecret);
        KITE_SESSIONS.put(accountId, new String[]{accessToken, kiteUserId});
        return accountId;
    }

    /** The bodies of the signed login-required reports received for the account, oldest first. */
    public static List<String> loginRequiredReportsOf(UUID accountId) {
        return List.copyOf(LOGIN_REQUIRED_REPORTS.getOrDefault(accountId, List.of()));
    }

    /** While set, login-required reports answer 503 and change nothing (user-service down). */
    public static void failLoginRequiredReports(boolean fail) {
        loginRequiredFails = fail;
    }

    /** How often the account was looked up through the REST API. */
    public static int lookupsOf(UUID accountId) {
        java.util.concurrent.atomic.AtomicInteger count = LOOKUPS.get(accountId);
        return count == null ? 0 : count.get();
    }

    /** The bodies of correctly signed {@code POST /internal/v1/users/{userId}/kill-switch} calls for this user. */
    public static java.util.List<String> killSwitchesOf(UUID userId) {
        return java.util.List.copyOf(KILL_SWITCHES.getOrDefault(userId, java.util.List.of()));
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/api/v1/me/broker-accounts/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            UUID accountId = UUID.fromString(path.substring(path.lastIndexOf('/') + 1));
            LOOKUPS.computeIfAbsent(accountId, id -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
            UUID caller = subjectOf(exchange.getRequestHeaders().getFirst("Authorization"));
            boolean owned = caller != null && caller.equals(OWNER_BY_ACCOUNT.get(accountId));
            byte[] body = (owned
                    ? "{\"accountId\":\"" + accountId + "\",\"broker\":\"" + brokerOf(accountId)
                    + "\",\"status\":\"READY\",\"label\":\"Account\"}"
                    : "{\"status\":404,\"title\":\"Not Found\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", owned ? "application/json" : "application/problem+json");
            exchange.sendResponseHeaders(owned ? 200 : 404, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.createContext("/internal/v1/users/", exchange -> {
            String path = exchange.getRequestURI().getRawPath();
            String caller = exchange.getRequestHeaders().getFirst(ServiceSignature.CALLER_HEADER);
            String timestamp = exchange.getRequestHeaders().getFirst(ServiceSignature.TIMESTAMP_HEADER);
            String method = exchange.getRequestMethod();
            boolean signed = "order-service".equals(caller) && timestamp != null && ServiceSignature.verify(INTERNAL_SECRET,
                    caller, Long.parseLong(timestamp), method, path,
                    exchange.getRequestHeaders().getFirst(ServiceSignature.SIGNATURE_HEADER), System.currentTimeMillis());
            String[] parts = path.split("/");   // /internal/v1/users/{user}/broker-accounts/{account}/{credentials|login-required}
            UUID userId = UUID.fromString(parts[4]);
            if (path.endsWith("/kill-switch") && "POST".equals(method)) {
                String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                if (signed) {
                    KILL_SWITCHES.computeIfAbsent(userId, id -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(request);
                }
                byte[] answer = (signed ? "{\"active\":true,\"triggeredBy\":\"system\"}" : "{\"status\":401}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(signed ? 200 : 401, answer.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
                return;
            }
            UUID accountId = UUID.fromString(parts[6]);
            String[] keys = KEYS_BY_ACCOUNT.get(accountId);
            String[] session = KITE_SESSIONS.get(accountId);
            int status = !signed ? 401 : keys == null || !userId.equals(OWNER_BY_ACCOUNT.get(accountId)) ? 404 : 200;
            byte[] body;
            if (status == 200 && "POST".equals(method) && "login-required".equals(parts[7])) {
                String report = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                LOGIN_REQUIRED_REPORTS.computeIfAbsent(accountId, id -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(report);
                if (loginRequiredFails) {
                    status = 503;
                } else {
                    LOGIN_REQUIRED.add(accountId);
                }
                body = ("{\"accountId\":\"" + accountId + "\",\"status\":\"LOGIN_REQUIRED\",\"ended\":true}")
                        .getBytes(StandardCharsets.UTF_8);
            } else if (status == 200 && LOGIN_REQUIRED.contains(accountId)) {
                status = 409;
                body = "{\"status\":409,\"code\":\"KITE_LOGIN_REQUIRED\"}".getBytes(StandardCharsets.UTF_8);
            } else if (status == 200) {
                body = ("{\"accountId\":\"" + accountId + "\",\"broker\":\"" + brokerOf(accountId) + "\",\"apiKey\":\""
                        + keys[0] + "\",\"apiSecret\":\"" + keys[1] + "\""
                        + (session == null ? "" : ",\"accessToken\":\"" + session[0] + "\",\"brokerUserId\":\"" + session[1] + "\"")
                        + "}").getBytes(StandardCharsets.UTF_8);
            } else {
                body = ("{\"status\":" + status + "}").getBytes(StandardCharsets.UTF_8);
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return Map.of("quarkus.rest-client.user-service.url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static String brokerOf(UUID accountId) {
        return KITE_SESSIONS.containsKey(accountId) ? "kite" : KEYS_BY_ACCOUNT.containsKey(accountId) ? "binance" : "paper";
    }

    private static UUID subjectOf(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return null;
        }
        String payload = new String(Base64.getUrlDecoder().decode(authorization.substring(7).split("\\.")[1]),
                StandardCharsets.UTF_8);
        int start = payload.indexOf("\"sub\":\"") + 7;
        return UUID.fromString(payload.substring(start, payload.indexOf('"', start)));
    }
}
