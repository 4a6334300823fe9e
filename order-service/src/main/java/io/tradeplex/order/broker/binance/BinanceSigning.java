package io.tradeplex.order.broker.binance;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A signed Binance request: the parameters in the order they are sent, then {@code signature} = hex HMAC-SHA256 keyed
 * by the API secret over exactly that query string (Binance verifies it over the bytes as they arrive).
 */
final class BinanceSigning {
    private BinanceSigning() {
    }

    static String signedQuery(Map<String, String> parameters, String apiSecret, long recvWindow, long timestamp) {
        Map<String, String> all = new LinkedHashMap<>(parameters);
        all.put("recvWindow", Long.toString(recvWindow));
        all.put("timestamp", Long.toString(timestamp));
        String query = all.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return query + "&signature=" + hmac(apiSecret, query);
    }

    static String hmac(String apiSecret, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(apiSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
