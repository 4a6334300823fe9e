package io.tradeplex.gateway.security;

import io.tradeplex.gateway.GatewayConfig;
import io.tradeplex.gateway.routing.RouteTable;
import io.tradeplex.gateway.routing.Upstream;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Fetches auth-service's JWKS and keeps the keys a gateway may verify access tokens with, by {@code kid}. */
@Singleton
public class JwksClient {
    private static final Logger LOG = Logger.getLogger(JwksClient.class);
    /** RFC 8725 §3.5 and NIST: anything shorter is refused rather than trusted. */
    private static final int MIN_RSA_BITS = 2048;

    private final HttpClient client;
    private final Upstream upstream;
    private final String path;
    private final long timeoutMillis;

    public JwksClient(HttpClient client, RouteTable routes, GatewayConfig config) {
        this.client = client;
        this.upstream = routes.upstream(config.jwks().upstream()).orElseThrow(() -> new IllegalStateException(
                "tradeplex.gateway.jwks.upstream=" + config.jwks().upstream() + " names no tradeplex.gateway.upstreams entry"));
        this.path = config.jwks().path();
        this.timeoutMillis = config.jwks().fetchTimeout().toMillis();
    }

    /** @return the usable keys by kid; a failure if the set cannot be had or holds no usable key */
    public Future<Map<String, PublicKey>> fetch() {
        RequestOptions options = new RequestOptions()
                .setHost(upstream.host())
                .setPort(upstream.port())
                .setSsl(upstream.ssl())
                .setURI(path)
                .setConnectTimeout(timeoutMillis)
                .setIdleTimeout(timeoutMillis);
        return client.request(options)
                .compose(HttpClientRequest::send)
                .compose(response -> response.statusCode() == 200
                        ? response.body() : Future.failedFuture("JWKS answered HTTP " + response.statusCode()))
                .map(Buffer::toJsonObject)
                .map(JwksClient::usableKeys);
    }

    /**
     * RS256 signing keys only: an entry for another algorithm, for encryption, without a kid, or too short is left
     * out, so no token can pick a key to be verified in a way it was not meant for.
     */
    static Map<String, PublicKey> usableKeys(JsonObject jwks) {
        JsonArray entries = jwks.getJsonArray("keys");
        if (entries == null) {
            throw new IllegalArgumentException("JWKS without a keys array");
        }
        Map<String, PublicKey> byKid = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            JsonObject jwk = entries.getJsonObject(i);
            String kid = jwk.getString("kid");
            if (kid == null || kid.isEmpty() || !"RSA".equals(jwk.getString("kty"))
                    || !"RS256".equals(jwk.getString("alg", "RS256")) || !"sig".equals(jwk.getString("use", "sig"))) {
                LOG.debugf("JWKS entry %d is not an RS256 signing key with a kid; left out", i);
                continue;
            }
            Optional<RSAPublicKey> key = rsaKey(jwk.getString("n"), jwk.getString("e"));
            if (key.isEmpty() || key.get().getModulus().bitLength() < MIN_RSA_BITS) {
                LOG.warnf("JWKS key %s is malformed or shorter than %d bits; left out", kid, MIN_RSA_BITS);
                continue;
            }
            byKid.put(kid, key.get());
        }
        if (byKid.isEmpty()) {
            throw new IllegalArgumentException("JWKS holds no usable RS256 signing key");
        }
        return Map.copyOf(byKid);
    }

    private static Optional<RSAPublicKey> rsaKey(String modulus, String exponent) {
        if (modulus == null || exponent == null) {
            return Optional.empty();
        }
        try {
            Base64.Decoder base64url = Base64.getUrlDecoder();
            RSAPublicKeySpec spec = new RSAPublicKeySpec(new BigInteger(1, base64url.decode(modulus)),
                    new BigInteger(1, base64url.decode(exponent)));
            return Optional.of((RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(spec));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
