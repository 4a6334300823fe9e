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
 * Signs RS256 access tokens with the current key. Issuer and audience are read from the same keys every verifier
 * checks ({@code mp.jwt.verify.*}), so issuing and verifying cannot drift apart.
 */
@ApplicationScoped
public class AccessTokenIssuer {
    /** Names the login session: logout and revocation act on exactly that session. */
    public static final String SESSION_CLAIM = "sid";
    /** Whether the owner has proven the email address; each service decides whether that is needed to trade. */
    public static final String EMAIL_VERIFIED_CLAIM = "email_verified";

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

    /** Who the token is for. */
    public record Subject(UUID userId, String email, String displayName, Collection<String> roles, boolean emailVerified,
                          UUID sessionId) {
    }

    /**
     * @param sessionEnd the session's absolute end: no token outlives the session it belongs to
     */
    public AccessToken issue(Subject subject, Instant now, Instant sessionEnd) {
        Instant expiresAt = latestExpiry(now, sessionEnd);
        String token = Jwt.issuer(issuer)
                .audience(audience)
                .subject(subject.userId().toString())
                .issuedAt(now)
                .expiresAt(expiresAt)
                .claim(Claims.jti, UUID.randomUUID().toString())
                .groups(new HashSet<>(subject.roles()))
                .claim(Claims.email, subject.email())
                .claim(EMAIL_VERIFIED_CLAIM, subject.emailVerified())
                .claim("name", subject.displayName())
                .claim(SESSION_CLAIM, subject.sessionId().toString())
                .jws()
                .algorithm(SignatureAlgorithm.RS256)
                .keyId(keys.keyId())
                .header("typ", "JWT")
                .sign(keys.privateKey());
        return new AccessToken(token, Duration.between(now, expiresAt).toSeconds());
    }

    /** The expiry of a token issued at {@code issuedAt} in a session ending at {@code sessionEnd}. */
    public Instant latestExpiry(Instant issuedAt, Instant sessionEnd) {
        Instant full = issuedAt.plus(lifespan);
        return full.isAfter(sessionEnd) ? sessionEnd : full;
    }

    /** @param expiresInSeconds the token's lifetime, as OAuth's {@code expires_in} states it */
    public record AccessToken(String value, long expiresInSeconds) {
        @Override
        public String toString() {
            return "AccessToken[***]";
        }
    }
}
