package io.tradeplex.testing.brokers;

import com.sun.net.httpserver.HttpExchange;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Binance Spot's {@code GET /api/v3/account}, checking requests the way Binance documents it: the API key header, the
 * timestamp against recvWindow, and the HMAC-SHA256 signature over the query string exactly as it arrived. Its
 * verifier is written independently of the production signer, so the two check each other.
 */
public final class FakeBinance extends FakeServer {
    private final Map<String, Account> accounts = new ConcurrentHashMap<>();
    private final AtomicInteger failWith = new AtomicInteger();
    private final AtomicInteger calls = new AtomicInteger();

    private record Account(String secret, boolean canTrade) {
    }

    public FakeBinance() {
        this(0);
    }

    public FakeBinance(int port) {
        super(port);
        start("/api/v3/account");
    }

    public void register(String apiKey, String apiSecret) {
        accounts.put(apiKey, new Account(apiSecret, true));
    }

    public void registerWithoutTrading(String apiKey, String apiSecret) {
        accounts.put(apiKey, new Account(apiSecret, false));
    }

    /** Every answer is this status (an outage) until reset with 0. */
    public void failWith(int status) {
        failWith.set(status);
    }

    public int calls() {
        return calls.get();
    }

    /** hex(HMAC-SHA256(secret, payload)). */
    public static String signatureOf(String secret, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    void handle(HttpExchange exchange) throws IOException {
        calls.incrementAndGet();
        if (failWith.get() != 0) {
            respond(exchange, failWith.get(), error(-1000, "An unknown error occurred while processing the request."));
            return;
        }
        if (!"GET".equals(exchange.getRequestMethod())) {
            respond(exchange, 405, error(-1000, "method"));
            return;
        }
        String apiKey = exchange.getRequestHeaders().getFirst("X-MBX-APIKEY");
        if (apiKey == null || apiKey.isEmpty()) {
            respond(exchange, 401, error(-2014, "API-key format invalid."));
            return;
        }
        Account account = accounts.get(apiKey);
        if (account == null) {
            respond(exchange, 401, error(-2015, "Invalid API-key, IP, or permissions for action."));
            return;
        }
        String query = exchange.getRequestURI().getRawQuery();
        int signatureAt = query == null ? -1 : query.lastIndexOf("&signature=");
        if (signatureAt < 0) {
            respond(exchange, 400, error(-1102, "Mandatory parameter 'signature' was not sent, was empty/null, or malformed."));
            return;
        }
        String signedPart = query.substring(0, signatureAt);
        String signature = query.substring(signatureAt + "&signature=".length());
        Map<String, String> params = form(signedPart);
        long serverTime = System.currentTimeMillis();
        long timestamp = Long.parseLong(params.getOrDefault("timestamp", "0"));
        long recvWindow = Long.parseLong(params.getOrDefault("recvWindow", "5000"));
        if (!(timestamp < serverTime + 1000 && serverTime - timestamp <= recvWindow)) {
            respond(exchange, 400, error(-1021, "Timestamp for this request is outside of the recvWindow."));
            return;
        }
        if (!MessageDigest.isEqual(signatureOf(account.secret(), signedPart).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII))) {
            respond(exchange, 400, error(-1022, "Signature for this request is not valid."));
            return;
        }
        respond(exchange, 200, """
                {"makerCommission":15,"takerCommission":15,"buyerCommission":0,"sellerCommission":0,
                 "commissionRates":{"maker":"0.00150000","taker":"0.00150000","buyer":"0.00000000","seller":"0.00000000"},
                 "canTrade":%s,"canWithdraw":true,"canDeposit":true,"brokered":false,"requireSelfTradePrevention":false,
                 "preventSor":false,"updateTime":%d,"accountType":"SPOT",
                 "balances":[{"asset":"BTC","free":"4723846.89208129","locked":"0.00000000"},
                             {"asset":"USDT","free":"1000.00000000","locked":"0.00000000"}],
                 "permissions":["SPOT"],"uid":354937868}""".formatted(account.canTrade(), serverTime));
    }

    private static String error(int code, String message) {
        return "{\"code\":" + code + ",\"msg\":\"" + message.replace("\"", "\\\"") + "\"}";
    }
}
