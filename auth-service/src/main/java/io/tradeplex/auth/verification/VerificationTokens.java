package io.tradeplex.auth.verification;

import io.tradeplex.auth.token.SigningKeys;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Email verification tokens: {@code v1.<payload>.<mac>}, where the payload is the user id and the expiry, and the MAC
 * is HMAC-SHA256 over a purpose label, the payload and the email address. Binding the address means a link proves
 * ownership of exactly the address it was sent to. Not a JWT on purpose: it has its own key and shape, so no JWT
 * verifier anywhere could ever take it for an access token.
 */
@Singleton
public class VerificationTokens {
    private static final Logger LOG = Logger.getLogger(VerificationTokens.class);
    private static final String VERSION = "v1";
    private static final byte[] PURPOSE = "tradeplex-email-verification".getBytes(StandardCharsets.US_ASCII);
    private static final int PAYLOAD_BYTES = 16 + Long.BYTES;
    private static final int MIN_SECRET_LENGTH = 32;
    private static final Pattern SHAPE = Pattern.compile("v1\\.[A-Za-z0-9_-]{32}\\.[A-Za-z0-9_-]{43}");
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;

    public VerificationTokens(EmailVerificationConfig config, SigningKeys signingKeys) {
        byte[] secret;
        if (config.secret().isPresent()) {
            if (config.secret().get().length() < MIN_SECRET_LENGTH) {
                throw new IllegalStateException("tradeplex.auth.email-verification.secret must be at least "
                        + MIN_SECRET_LENGTH + " characters");
            }
            secret = config.secret().get().getBytes(StandardCharsets.UTF_8);
        } else {
            // HMAC keyed with the private key's encoding is a sound key derivation: the input is high-entropy and
            // the label keeps this key apart from any other use.
            secret = hmac(new SecretKeySpec(signingKeys.privateKey().getEncoded(), "HmacSHA256"),
                    "tradeplex-email-verification-key".getBytes(StandardCharsets.US_ASCII));
            LOG.info("Email verification tokens are signed with a key derived from the JWT signing key"
                    + " (set TRADEPLEX_AUTH_EMAIL_VERIFICATION_SECRET to use a key of their own)");
        }
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    public String issue(UUID userId, String email, Instant expiresAt) {
        byte[] payload = payload(userId, expiresAt.getEpochSecond());
        return VERSION + "." + ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(mac(payload, email));
    }

    /**
     * Reads what a token claims without trusting it yet: the MAC needs the account's address, so
     * {@link Claim#signedFor(String)} must pass before anything is believed.
     *
     * @return empty when the token is not even shaped like one of ours
     */
    public Optional<Claim> read(String token) {
        if (token == null || !SHAPE.matcher(token).matches()) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.");
        byte[] payload = Base64.getUrlDecoder().decode(parts[1]);
        byte[] mac = Base64.getUrlDecoder().decode(parts[2]);
        if (payload.length != PAYLOAD_BYTES) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.wrap(payload);
        UUID userId = new UUID(buffer.getLong(), buffer.getLong());
        Instant expiresAt = Instant.ofEpochSecond(buffer.getLong());
        return Optional.of(new Claim(userId, expiresAt, payload, mac));
    }

    public final class Claim {
        private final UUID userId;
        private final Instant expiresAt;
        private final byte[] payload;
        private final byte[] mac;

        private Claim(UUID userId, Instant expiresAt, byte[] payload, byte[] mac) {
            this.userId = userId;
            this.expiresAt = expiresAt;
            this.payload = payload;
            this.mac = mac;
        }

        public UUID userId() {
            return userId;
        }

        public Instant expiresAt() {
            return expiresAt;
        }

        /** Constant-time, so response timing reveals nothing about how much of a forged MAC was right. */
        public boolean signedFor(String email) {
            return MessageDigest.isEqual(mac, mac(payload, email));
        }
    }

    private byte[] mac(byte[] payload, String email) {
        byte[] address = email.getBytes(StandardCharsets.UTF_8);
        ByteBuffer input = ByteBuffer.allocate(PURPOSE.length + 1 + payload.length + address.length)
                .put(PURPOSE).put((byte) 0).put(payload).put(address);
        return hmac(key, input.array());
    }

    private static byte[] payload(UUID userId, long expiresAtEpochSecond) {
        return ByteBuffer.allocate(PAYLOAD_BYTES)
                .putLong(userId.getMostSignificantBits())
                .putLong(userId.getLeastSignificantBits())
                .putLong(expiresAtEpochSecond)
                .array();
    }

    private static byte[] hmac(SecretKeySpec key, byte[] input) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
