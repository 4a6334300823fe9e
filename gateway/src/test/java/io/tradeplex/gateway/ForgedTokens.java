package io.tradeplex.gateway;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.jwt.util.KeyUtils;
import io.tradeplex.testing.TestTokens;

import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

/** Tokens an attacker, or a bug, could present: each must be refused at the edge. */
final class ForgedTokens {
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private ForgedTokens() {
    }

    /** Right key and subject, every other claim as auth-service sets it, unless the test overrides it. */
    static JwtClaimsBuilder claims() {
        return Jwt.issuer(TestTokens.ISSUER).audience(TestTokens.AUDIENCE).subject(UUID.randomUUID().toString())
                .issuedAt(System.currentTimeMillis() / 1000).expiresIn(Duration.ofMinutes(5));
    }

    static String signedWithTestKey(JwtClaimsBuilder claims) {
        return claims.jws().keyId("test").sign(testKey());
    }

    static String signedWithAnotherKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return claims().jws().keyId("test").sign(generator.generateKeyPair().getPrivate());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The classic algorithm confusion: HMAC keyed with the public key a verifier trusts (RFC 8725 §2.1). */
    static String hs256KeyedWithPublicKey() {
        byte[] publicKeyPem = resource("test-keys/jwt-public.pem");
        return claims().jws().algorithm(SignatureAlgorithm.HS256).sign(new SecretKeySpec(publicKeyPem, "HmacSHA256"));
    }

    /** {@code alg: none}: valid claims, no signature. */
    static String unsigned() {
        String header = "{\"alg\":\"none\",\"typ\":\"JWT\"}";
        long now = System.currentTimeMillis() / 1000;
        String payload = "{\"iss\":\"%s\",\"aud\":\"%s\",\"sub\":\"%s\",\"iat\":%d,\"exp\":%d}"
                .formatted(TestTokens.ISSUER, TestTokens.AUDIENCE, UUID.randomUUID(), now, now + 300);
        return base64url(header) + "." + base64url(payload) + ".";
    }

    private static String base64url(String json) {
        return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static PrivateKey testKey() {
        try {
            return KeyUtils.readPrivateKey("test-keys/jwt-private.pem");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = ForgedTokens.class.getClassLoader().getResourceAsStream(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
