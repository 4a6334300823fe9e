package io.tradeplex.gateway;

import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.jwt.util.KeyUtils;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.stream.Stream;

/** An RS256 signing key as auth-service holds one: a key pair and the kid it is published under. */
public record TestSigningKey(String kid, RSAPublicKey publicKey, PrivateKey privateKey) {

    /** test-support's pair under the kid TestTokens sign with: the key every test profile trusts. */
    public static TestSigningKey shared() {
        try {
            return new TestSigningKey("test", (RSAPublicKey) KeyUtils.readPublicKey("test-keys/jwt-public.pem"),
                    KeyUtils.readPrivateKey("test-keys/jwt-private.pem"));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read test-support's key pair", e);
        }
    }

    public static TestSigningKey generate(String kid) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return new TestSigningKey(kid, (RSAPublicKey) pair.getPublic(), pair.getPrivate());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A JWKS as auth-service serves it. */
    public static String jwks(TestSigningKey... keys) {
        return new JsonObject().put("keys", new JsonArray(Stream.of(keys).map(TestSigningKey::jwk).toList())).encode();
    }

    public String sign(JwtClaimsBuilder claims) {
        return claims.jws().keyId(kid).sign(privateKey);
    }

    private JsonObject jwk() {
        return new JsonObject().put("kty", "RSA").put("use", "sig").put("alg", "RS256").put("kid", kid)
                .put("n", base64url(publicKey.getModulus())).put("e", base64url(publicKey.getPublicExponent()));
    }

    private static String base64url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
