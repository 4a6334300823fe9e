package io.tradeplex.auth.token;

import io.quarkus.runtime.Startup;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.util.KeyUtils;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;

/**
 * The RS256 key pair: the private key signs access tokens, the public key is what every service verifies with and
 * what the JWKS publishes. Loaded once at start, and refused unless the two halves belong together — otherwise every
 * token issued would be rejected everywhere, which is better found at boot than by users.
 */
@Startup
@Singleton
public class SigningKeys {
    private final PrivateKey privateKey;
    private final RSAPublicKey publicKey;
    private final String keyId;

    public SigningKeys(@ConfigProperty(name = "smallrye.jwt.sign.key.location") String privateKeyLocation,
                       @ConfigProperty(name = "mp.jwt.verify.publickey.location") String publicKeyLocation) {
        try {
            // readKeyContent resolves a location the way SmallRye JWT resolves its own (file path, file:, classpath:).
            this.privateKey = KeyUtils.decodePrivateKey(content(privateKeyLocation), SignatureAlgorithm.RS256);
            this.publicKey = (RSAPublicKey) KeyUtils.decodePublicKey(content(publicKeyLocation), SignatureAlgorithm.RS256);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the JWT key pair (smallrye.jwt.sign.key.location="
                    + privateKeyLocation + ", mp.jwt.verify.publickey.location=" + publicKeyLocation + ")", e);
        }
        if (!(privateKey instanceof RSAPrivateCrtKey rsa) || !rsa.getModulus().equals(publicKey.getModulus())
                || !rsa.getPublicExponent().equals(publicKey.getPublicExponent())) {
            throw new IllegalStateException("The JWT signing key does not match the verification public key");
        }
        this.keyId = thumbprint(publicKey);
    }

    private static String content(String location) throws IOException {
        String content = KeyUtils.readKeyContent(location);
        if (content == null) {
            throw new IOException("no key at " + location);
        }
        return content;
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    /** The RFC 7638 SHA-256 thumbprint of the public key: stable for a key, different for the next one. */
    public String keyId() {
        return keyId;
    }

    public Jwk jwk() {
        return new Jwk("RSA", "sig", "RS256", keyId, base64Url(publicKey.getModulus()), base64Url(publicKey.getPublicExponent()));
    }

    static String thumbprint(RSAPublicKey key) {
        // RFC 7638 §3.2: the required members only, in lexicographic order, no whitespace.
        String canonical = "{\"e\":\"" + base64Url(key.getPublicExponent()) + "\",\"kty\":\"RSA\",\"n\":\""
                + base64Url(key.getModulus()) + "\"}";
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** RFC 7518 §6.3.1: unsigned big-endian, without the sign byte {@link BigInteger#toByteArray()} may add. */
    private static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
