package io.tradeplex.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;

import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** Access tokens shaped exactly like auth-service's, signed with the test key that test profiles trust. */
public final class TestTokens {
    public static final String ISSUER = "https://tradeplex.io/auth";
    public static final String AUDIENCE = "tradeplex";
    private static final PrivateKey KEY = load();

    private TestTokens() {
    }

    public static String trader(UUID userId) {
        return forUser(userId, Set.of("trader"));
    }

    public static String forUser(UUID userId, Set<String> roles) {
        return forSession(userId, roles, UUID.randomUUID());
    }

    /** A token of one login session, as auth-service issues it (claim {@code sid}). */
    public static String forSession(UUID userId, UUID sessionId) {
        return forSession(userId, Set.of("trader"), sessionId);
    }

    public static String forSession(UUID userId, Set<String> roles, UUID sessionId) {
        return Jwt.issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(userId.toString())
                .groups(roles)
                .claim("email", userId + "@example.test")
                .claim("name", "Test " + userId.toString().substring(0, 8))
                .claim("sid", sessionId.toString())
                .issuedAt(Instant.now())
                .expiresIn(Duration.ofMinutes(15))
                .jws().keyId("test").sign(KEY);
    }

    /** Signed by the right key but already expired: every service must refuse it. */
    public static String expired(UUID userId) {
        return Jwt.issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(userId.toString())
                .groups(Set.of("trader"))
                .issuedAt(Instant.now().minus(Duration.ofHours(2)))
                .expiresAt(Instant.now().minus(Duration.ofHours(1)))
                .jws().keyId("test").sign(KEY);
    }

    private static PrivateKey load() {
        try {
            return KeyUtils.readPrivateKey("test-keys/jwt-private.pem");
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the test signing key", e);
        }
    }
}
