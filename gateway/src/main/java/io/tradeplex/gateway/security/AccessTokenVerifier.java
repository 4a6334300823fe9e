package io.tradeplex.gateway.security;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Verifies access tokens with SmallRye JWT, configured by the {@code mp.jwt.verify.*} properties: RS256 only (so
 * {@code none} and HS256 fail, even when signed with the public key as secret), signature by the configured public
 * key (never one named by {@code jku}/{@code x5u} in the token), our issuer and audience, expiry with a small skew.
 * On top of that the subject must be a user id, because upstreams take the caller's identity from it.
 */
@Singleton
public class AccessTokenVerifier {
    private static final String BEARER = "Bearer ";
    private static final Pattern USER_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final JWTParser parser;

    public AccessTokenVerifier(JWTParser parser) {
        this.parser = parser;
    }

    /**
     * @param authorization the request's Authorization header, possibly null
     * @return the verified user id, or empty for a missing, malformed, forged, expired or foreign token
     */
    public Optional<String> verifiedUserId(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        try {
            // The reason is not logged: SmallRye's messages quote the token's claims.
            JsonWebToken token = parser.parse(authorization.substring(BEARER.length()).strip());
            String subject = token.getSubject();
            return subject != null && USER_ID.matcher(subject).matches() ? Optional.of(subject) : Optional.empty();
        } catch (ParseException e) {
            return Optional.empty();
        }
    }
}
