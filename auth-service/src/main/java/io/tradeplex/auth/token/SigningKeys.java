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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The RS256 keys. The current private key signs every access token; the JWKS publishes its public key first, then any
 * extra public keys: the previous key while tokens it signed can still be alive, or the next one ahead of a switch.
 * Rotation: (1) add the next public key as an extra and wait until verifiers have refreshed their JWKS cache;
 * (2) make the next key current and list the old public key as an extra; (3) once the access lifespan has passed,
 * drop the old key.
 * <p>
 * Loaded once at start, and refused unless the current private and public halves belong together — otherwise every
 * token issued would be rejected everywhere, which is better found at boot than by users.
 */
@Startup
@Singleton
public class SigningKeys {
    private final PrivateKey privateKey;
    private final String keyId;
    private final List<Jwk> published;

    public SigningKeys(@ConfigProperty(name = "smallrye.jwt.sign.key.location") String privateKeyLocation,
                       @ConfigProperty(name = "tradeplex.auth.keys.current-public-key-location") String publicKeyLocation,
                       @ConfigProperty(name = "tradeplex.auth.keys.extra-public-key-locations") Optional<List<String>> extraLocations) {
        RSAPublicKey publicKey;
        try {
            // readKeyContent resolves a location the way SmallRye JWT resolves its own (file path, file:, classpath:).
            this.privateKey = KeyUtils.decodePrivateKey(content(privateKeyLocation), SignatureAlgorithm.RS256);
            publicKey = publicKey(publicKeyLocation);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the JWT key pair (smallrye.jwt.sign.key.location="
                    + privateKeyLocation + ", tradeplex.auth.keys.current-public-key-location=" + publicKeyLocation + ")", e);
        }
        if (!(privateKey instanceof RSAPrivateCrtKey rsa) || !rsa.getModulus().equals(publicKey.getModulus())
                || !rsa.getPublicExponent().equals(publicKey.getPublicExponent())) {
            throw new IllegalStateException("The JWT signing key does not match its public key");
        }
        this.keyId = thumbprint(publicKey);
        Map<String, Jwk> keys = new LinkedHashMap<>();
        keys.put(keyId, jwk(publicKey));
        for (String location : extraLocations.orElse(List.of())) {
            try {
                RSAPublicKey extra = publicKey(location);
                keys.putIfAbsent(thumbprint(extra), jwk(extra));
            } catch (Exception e) {
                throw new IllegalStateException("Cannot read the extra JWT public key at " + location, e);
            }
        }
        this.published = List.copyOf(keys.values());
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    /** The RFC 7638 SHA-256 thumbprint of the current public key: stable for a key, different for the next one. */
    public String keyId() {
        return keyId;
    }

    /** The current key first, then the extra ones. */
    public List<Jwk> jwks() {
        return published;
    }

    private static RSAPublicKey publicKey(String location) throws Exception {
        return (RSAPublicKey) KeyUtils.decodePublicKey(content(location), SignatureAlgorithm.RS256);
    }

    private static String content(String location) throws IOException {
        String content = KeyUtils.readKeyContent(location);
        if (content == null) {
            throw new IOException("no key at " + location);
        }
        return content;
    }

    private static Jwk jwk(RSAPublicKey key) {
        return new Jwk("RSA", "sig", "RS256", thumbprint(key), base64Url(key.getModulus()), base64Url(key.getPublicExponent()));
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
