package io.tradeplex.e2e;

import io.restassured.RestAssured;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The token forgeries of RFC 8725's threat list, built from what an attacker can see (plus, where stated, more). */
final class ForgedTokens {
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64URL_DECODE = Base64.getUrlDecoder();

    private ForgedTokens() {
    }

    /** {@code alg: none} with the claims of a real token and no signature. */
    static String algNone(String realToken) {
        String header = B64URL.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        return header + "." + realToken.split("\\.")[1] + ".";
    }

    /** The key-confusion attack: HS256 keyed with the server's public key as published in its JWKS. */
    static String hs256WithThePublicKey(String realToken) throws Exception {
        String header = B64URL.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String signingInput = header + "." + realToken.split("\\.")[1];
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(publicKeyPem().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return signingInput + "." + B64URL.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.UTF_8)));
    }

    /** A real token whose claims were edited after signing, e.g. to become another user. */
    static String resignedClaims(String realToken, String otherUserId) {
        String[] parts = realToken.split("\\.");
        String claims = new String(B64URL_DECODE.decode(parts[1]), StandardCharsets.UTF_8)
                .replaceFirst("\"sub\":\"[^\"]+\"", "\"sub\":\"" + otherUserId + "\"");
        return parts[0] + "." + B64URL.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }

    /** Correct in every claim, signed RS256 by a key the platform never published. */
    static String unknownKid(String userId) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return claims(userId).jws().keyId("rotated-away").sign(generator.generateKeyPair().getPrivate());
    }

    /** Signed by the platform's own key but wrong in one claim; needs the key, so only on the platform's host. */
    static Optional<Map<String, String>> validlySignedButWrong(String userId) throws Exception {
        Optional<PrivateKey> key = platformKey();
        if (key.isEmpty()) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        return Optional.of(Map.of(
                "expired", Jwt.issuer(Client.ISSUER).audience(Client.AUDIENCE).subject(userId).groups(Set.of("trader"))
                        .issuedAt(now.minus(Duration.ofHours(2))).expiresAt(now.minus(Duration.ofHours(1)))
                        .jws().sign(key.get()),
                "wrong audience", Jwt.issuer(Client.ISSUER).audience("someone-else").subject(userId)
                        .groups(Set.of("trader")).expiresIn(Duration.ofMinutes(5)).jws().sign(key.get()),
                "wrong issuer", Jwt.issuer("https://evil.example/auth").audience(Client.AUDIENCE).subject(userId)
                        .groups(Set.of("trader")).expiresIn(Duration.ofMinutes(5)).jws().sign(key.get()),
                "not yet valid", Jwt.issuer(Client.ISSUER).audience(Client.AUDIENCE).subject(userId)
                        .groups(Set.of("trader")).claim("nbf", now.plus(Duration.ofHours(1)).getEpochSecond())
                        .expiresIn(Duration.ofHours(2)).jws().sign(key.get())));
    }

    private static io.smallrye.jwt.build.JwtClaimsBuilder claims(String userId) {
        return Jwt.issuer(Client.ISSUER).audience(Client.AUDIENCE).subject(userId).groups(Set.of("trader"))
                .expiresIn(Duration.ofMinutes(5));
    }

    private static Optional<PrivateKey> platformKey() throws Exception {
        String location = System.getProperty("tradeplex.jwt.private-key", "");
        if (location.isBlank() || !Files.isReadable(Path.of(location))) {
            return Optional.empty();
        }
        return Optional.of(KeyUtils.decodePrivateKey(Files.readString(Path.of(location))));
    }

    /** The first RSA key of the platform's JWKS, PEM-encoded the way a careless verifier would read it. */
    @SuppressWarnings("unchecked")
    private static String publicKeyPem() throws Exception {
        List<Map<String, String>> keys = RestAssured.given().baseUri(Client.GATEWAY).get("/api/v1/auth/jwks")
                .then().statusCode(200).extract().path("keys");
        Map<String, String> jwk = keys.get(0);
        PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                new BigInteger(1, B64URL_DECODE.decode(jwk.get("n"))), new BigInteger(1, B64URL_DECODE.decode(jwk.get("e")))));
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.UTF_8))
                .encodeToString(key.getEncoded()) + "\n-----END PUBLIC KEY-----\n";
    }
}
