package io.tradeplex.testing.brokers;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Kite Connect's {@code POST /session/token}, checking requests the way Kite documents it: {@code X-Kite-Version: 3},
 * a single-use request_token and checksum = hex(SHA-256(api_key + request_token + api_secret)). Its checksum is
 * computed independently of the production code, so the two check each other.
 */
public final class FakeKite extends FakeServer {
    private final Map<String, App> apps = new ConcurrentHashMap<>();
    /** request_token → the api_key it was issued for; removed when used. */
    private final Map<String, String> requestTokens = new ConcurrentHashMap<>();
    /** request_token → the access token its exchange handed out. */
    private final Map<String, String> accessTokens = new ConcurrentHashMap<>();
    private final AtomicInteger failWith = new AtomicInteger();
    private final SecureRandom random = new SecureRandom();

    private record App(String secret, String userId) {
    }

    public FakeKite() {
        this(0);
    }

    public FakeKite(int port) {
        super(port);
        start("/session/token");
    }

    public void register(String apiKey, String apiSecret, String kiteUserId) {
        apps.put(apiKey, new App(apiSecret, kiteUserId));
    }

    /** What Kite's login redirect would hand the user's browser. */
    public String issueRequestToken(String apiKey) {
        String token = token();
        requestTokens.put(token, apiKey);
        return token;
    }

    public String accessTokenIssuedFor(String requestToken) {
        return accessTokens.get(requestToken);
    }

    /** Every answer is this status (an outage) until reset with 0. */
    public void failWith(int status) {
        failWith.set(status);
    }

    /** hex(SHA-256(api_key + request_token + api_secret)): a plain hash, not an HMAC. */
    public static String checksumOf(String apiKey, String requestToken, String apiSecret) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(apiKey.getBytes(StandardCharsets.UTF_8));
            sha256.update(requestToken.getBytes(StandardCharsets.UTF_8));
            sha256.update(apiSecret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    void handle(HttpExchange exchange) throws IOException {
        if (failWith.get() != 0) {
            respond(exchange, failWith.get(), error("Gateway timed out", "NetworkException"));
            return;
        }
        if (!"POST".equals(exchange.getRequestMethod())) {
            respond(exchange, 405, error("Method not allowed", "InputException"));
            return;
        }
        if (!"3".equals(exchange.getRequestHeaders().getFirst("X-Kite-Version"))) {
            respond(exchange, 400, error("Invalid or missing X-Kite-Version header", "InputException"));
            return;
        }
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String apiKey = form.getOrDefault("api_key", "");
        String requestToken = form.getOrDefault("request_token", "");
        App app = apps.get(apiKey);
        if (app == null) {
            respond(exchange, 403, error("Invalid `api_key`.", "TokenException"));
            return;
        }
        String expected = checksumOf(apiKey, requestToken, app.secret());
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                form.getOrDefault("checksum", "").getBytes(StandardCharsets.US_ASCII))) {
            respond(exchange, 403, error("Invalid `checksum`.", "TokenException"));
            return;
        }
        if (!requestTokens.remove(requestToken, apiKey)) {
            respond(exchange, 403, error("Token is invalid or has expired.", "TokenException"));
            return;
        }
        String accessToken = token();
        accessTokens.put(requestToken, accessToken);
        respond(exchange, 200, """
                {"status":"success","data":{"user_type":"individual","email":"xxxyyy@gmail.com","user_name":"Kite Connect",
                 "user_shortname":"Connect","broker":"ZERODHA","exchanges":["NSE","NFO","BFO","CDS","BSE","MCX","BCD","MF"],
                 "products":["CNC","NRML","MIS","BO","CO"],"order_types":["MARKET","LIMIT","SL","SL-M"],"avatar_url":null,
                 "user_id":"%s","api_key":"%s","access_token":"%s","public_token":"%s","refresh_token":"",
                 "enctoken":"","login_time":"2021-01-01 16:15:14","meta":{"demat_consent":"physical"}}}"""
                .formatted(app.userId(), apiKey, accessToken, token()));
    }

    private String token() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static String error(String message, String type) {
        return "{\"status\":\"error\",\"message\":\"" + message + "\",\"data\":null,\"error_type\":\"" + type + "\"}";
    }
}
