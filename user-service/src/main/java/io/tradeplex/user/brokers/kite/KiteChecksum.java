package io.tradeplex.user.brokers.kite;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Kite's session checksum: a plain SHA-256 of api_key + request_token + api_secret (not an HMAC), in hex. */
public final class KiteChecksum {
    private KiteChecksum() {
    }

    public static String of(String apiKey, String requestToken, String apiSecret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((apiKey + requestToken + apiSecret).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }
}
