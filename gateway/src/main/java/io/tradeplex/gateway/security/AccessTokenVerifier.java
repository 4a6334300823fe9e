package io.tradeplex.gateway.security;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.tradeplex.gateway.GatewayProblem;
import io.vertx.core.Future;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Singleton;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Verifies access tokens per RFC 8725. The header must say RS256 and name a key ({@code kid}) the gateway trusts (see
 * {@link VerificationKeys}; keys named by {@code jku}/{@code x5u}/{@code jwk} in a token are never fetched). SmallRye
 * JWT then checks the signature with that key and, from the {@code mp.jwt.verify.*} properties, RS256 again, our
 * issuer and audience, {@code exp} and {@code nbf} with a small skew. On top of that the subject must be a user id,
 * because upstreams take the caller's identity from it, and the token's session must not have been revoked.
 */
@Singleton
public class AccessTokenVerifier {
    private static final String BEARER = "Bearer ";
    private static final String SESSION_CLAIM = "sid";
    private static final Pattern USER_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final TokenRejected INVALID = new TokenRejected(GatewayProblem.TOKEN_INVALID);
    private static final TokenRejected REVOKED = new TokenRejected(GatewayProblem.SESSION_REVOKED);

    private final JWTParser parser;
    private final VerificationKeys keys;
    private final RevokedSessions revokedSessions;

    public AccessTokenVerifier(JWTParser parser, VerificationKeys keys, RevokedSessions revokedSessions) {
        this.parser = parser;
        this.keys = keys;
        this.revokedSessions = revokedSessions;
    }

    /**
     * @param authorization the request's Authorization header
     * @return the verified token, or a failure with a {@link TokenRejected} for a malformed, forged, expired, foreign
     * or revoked token; it completes at once unless the token names a key not known yet
     */
    public Future<VerifiedToken> verify(String authorization) {
        if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Future.failedFuture(INVALID);
        }
        String token = authorization.substring(BEARER.length()).strip();
        Optional<String> kid = rs256KeyId(token);
        if (kid.isEmpty()) {
            return Future.failedFuture(INVALID);
        }
        return keys.keyFor(kid.get()).compose(key -> key.isPresent() ? verify(token, key.get()) : Future.failedFuture(INVALID));
    }

    private Future<VerifiedToken> verify(String token, PublicKey key) {
        JsonWebToken jwt;
        try {
            // The reason is not logged: SmallRye's messages quote the token's claims.
            jwt = parser.verify(token, key);
        } catch (ParseException e) {
            return Future.failedFuture(INVALID);
        }
        String subject = jwt.getSubject();
        if (subject == null || !USER_ID.matcher(subject).matches()) {
            return Future.failedFuture(INVALID);
        }
        Optional<String> sessionId = Optional.ofNullable(jwt.<Object>getClaim(SESSION_CLAIM)).map(AccessTokenVerifier::text);
        if (sessionId.isPresent() && revokedSessions.isRevoked(sessionId.get())) {
            return Future.failedFuture(REVOKED);
        }
        return Future.succeededFuture(new VerifiedToken(subject, sessionId));
    }

    /**
     * Reads the JOSE header, before any key is looked up: only RS256 with a kid goes on (no {@code none}, no HS*
     * keyed with a public key), and a {@code typ}, when given, must say JWT.
     */
    private static Optional<String> rs256KeyId(String token) {
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        try {
            JsonObject header = new JsonObject(new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8));
            Object kid = header.getValue("kid");
            Object typ = header.getValue("typ");
            boolean typeOk = typ == null || "JWT".equalsIgnoreCase(typ.toString());
            return "RS256".equals(header.getValue("alg")) && typeOk && kid instanceof String name && !name.isEmpty()
                    ? Optional.of(name) : Optional.empty();
        } catch (IllegalArgumentException | DecodeException e) {
            return Optional.empty();
        }
    }

    /** SmallRye hands string claims over as JSON strings. */
    private static String text(Object claim) {
        return claim instanceof JsonString json ? json.getString() : claim.toString();
    }
}
