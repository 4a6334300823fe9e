package io.tradeplex.kit.internal;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * How one service proves to another that it made an internal call: an HMAC-SHA256, under the platform's internal
 * secret, of the caller's name, the time, the method and the path with its query. The secret itself never travels, and
 * a signature is good only for that request and for {@link #MAX_SKEW_MILLIS} either side of its time.
 */
public final class ServiceSignature {
    public static final String CALLER_HEADER = "X-Tradeplex-Caller";
    public static final String TIMESTAMP_HEADER = "X-Tradeplex-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Tradeplex-Signature";
    public static final long MAX_SKEW_MILLIS = 30_000;

    private ServiceSignature() {
    }

    public static String sign(byte[] secret, String caller, long timestampMillis, String method, String pathAndQuery) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            String canonical = caller + "\n" + timestampMillis + "\n" + method.toUpperCase(java.util.Locale.ROOT) + "\n" + pathAndQuery;
            return HexFormat.of().formatHex(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    public static boolean verify(byte[] secret, String caller, long timestampMillis, String method, String pathAndQuery,
                                 String signature, long nowMillis) {
        if (Math.abs(nowMillis - timestampMillis) > MAX_SKEW_MILLIS || signature == null) {
            return false;
        }
        byte[] expected = sign(secret, caller, timestampMillis, method, pathAndQuery).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
    }
}
