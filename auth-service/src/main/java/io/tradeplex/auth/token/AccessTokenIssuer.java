package io.tradeplex.auth.token;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.Claims;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.UUID;

/**
 * Signs RS256 access tokens. Issuer and audience are read from the same keys every verifier checks
 * ({@code mp.jwt.verify.*}), so issuing and verifying cannot drift apart.
 */
@ApplicationScoped
public class AccessTokenIssuer {
    /** Names the login session; logout uses it to revoke exactly that session's refresh tokens. */
    public static final String SESSION_CLAIM = "sid";

    private final SigningKeys keys;
    private final String issuer;
    private final String audience;
    private final Duration lifespan;

    public AccessTokenIssuer(SigningKeys keys,
                             @ConfigProperty(name = "mp.jwt.verify.issuer") String issuer,
                             @ConfigProperty(name = "mp.jwt.verify.audiences") String audience,
                             TokenConfig config) {
        this.keys = keys;
        this.issuer = issuer;
        this.audience = audience;
        this.lifespan = config.accessLifespan();
    }

    public AccessToken issue(UUID userId, String email, String displayName, Collection<String> roles, UUID sessionId) {
        Instant now = Instant.now();
        String token = Jwt.issuer(issuer)
                .audience(audience)
                .subject(userId.toString())
                .issuedAt(now)
                .expiresAt(now.plus(lifespan))
                .claim(Claims.jti, UUID.randomUUID().toString())
                .groups(new HashSet<>(roles))
                .claim(Claims.email, email)
                .claim("name", displayName)
                .claim(SESSION_CLAIM, sessionId.toString())
                .jws()
                .algorithm(SignatureAlgorithm.RS256)
                .keyId(keys.keyId())
                .header("typ", "JWT")
                .sign(keys.privateKey());
        return new AccessToken(token, lifespan.toSeconds());
    }

    /** @param expiresInSeconds the token's lifetime, as OAuth's {@code expires_in} states it */
    public record AccessToken(String value, long expiresInSeconds) {
        @Override
        public String toString() {
            return "AccessToken[***]";
        }
    }
}
