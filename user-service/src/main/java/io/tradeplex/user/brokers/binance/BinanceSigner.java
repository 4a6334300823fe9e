package io.tradeplex.user.brokers.binance;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/** Binance's request signature: hex HMAC-SHA256, keyed by the API secret, over query string + body. */
public final class BinanceSigner {
    private BinanceSigner() {
    }

    public static String sign(String apiSecret, String queryStringAndBody) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(apiSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(queryStringAndBody.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    /** The signed part of {@link BinanceApi#account}'s query, in the order it is sent. */
    public static String accountQuery(long timestamp, long recvWindow) {
        return "timestamp=" + timestamp + "&recvWindow=" + recvWindow;
    }
}
