package io.tradeplex.auth.session;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tradeplex.auth.account.Account;
import io.tradeplex.auth.account.AccountRepository;
import io.tradeplex.auth.account.PasswordHasher;
import io.tradeplex.auth.token.AccessTokenIssuer;
import io.tradeplex.auth.token.AccessTokenIssuer.AccessToken;
import io.tradeplex.auth.token.RefreshTokens;
import io.tradeplex.auth.token.TokenConfig;
import io.tradeplex.kit.problem.ApiException;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Login, refresh-token rotation and logout. A login opens a session with an absolute end; each refresh spends the
 * presented token and hands out a new one in the same session; logout revokes the session and with it every refresh
 * token it issued. Access tokens are not revocable yet: one stays valid until its {@code exp}.
 */
@ApplicationScoped
public class SessionService {
    private final AccountRepository accounts;
    private final LoginSessionRepository sessions;
    private final RefreshTokenRepository refreshTokens;
    private final PasswordHasher hasher;
    private final AccessTokenIssuer accessTokens;
    private final Duration sessionLifespan;

    public SessionService(AccountRepository accounts, LoginSessionRepository sessions, RefreshTokenRepository refreshTokens,
                          PasswordHasher hasher, AccessTokenIssuer accessTokens, TokenConfig config) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.refreshTokens = refreshTokens;
        this.hasher = hasher;
        this.accessTokens = accessTokens;
        this.sessionLifespan = config.sessionLifespan();
    }

    /** @param email normalised. Unknown email and wrong password fail alike, in about the same time. */
    public Uni<TokenResponse> login(String email, String password) {
        // No database connection is held while Argon2 runs: the lookup's session closes before hashing starts.
        return Panache.withSession(() -> accounts.findByEmail(email))
                .chain(account -> hasher.verify(password, account == null ? null : account.passwordHash)
                        .chain(matches -> matches ? Uni.createFrom().item(account) : Uni.createFrom().failure(invalidCredentials())))
                .chain(account -> upgradedHash(account, password)
                        .chain(newHash -> Panache.withTransaction(() -> open(account, newHash))));
    }

    public Uni<TokenResponse> refresh(String refreshToken) {
        if (!RefreshTokens.wellFormed(refreshToken)) {
            return Uni.createFrom().failure(invalidRefreshToken());
        }
        byte[] hash = RefreshTokens.hash(refreshToken);
        Instant now = now();
        return Panache.withTransaction(() -> refreshTokens.spend(hash, now)
                .chain(spent -> spent == 1 ? refreshTokens.findById(hash) : Uni.createFrom().failure(invalidRefreshToken()))
                .chain(token -> sessions.findLive(token.sessionId, now))
                .chain(session -> session == null
                        ? Uni.createFrom().failure(invalidRefreshToken())
                        : accounts.findById(session.userId).chain(account -> issue(account, session, now))));
    }

    /** Idempotent: logging out of a session that is already over changes nothing and still succeeds. */
    public Uni<Void> logout(UUID userId, UUID sessionId) {
        return Panache.withTransaction(() -> sessions.revoke(sessionId, userId, now())).replaceWithVoid();
    }

    /** A hash made with weaker Argon2 parameters than today's is replaced while the plain password is at hand. */
    private Uni<String> upgradedHash(Account account, String password) {
        return hasher.needsRehash(account.passwordHash) ? hasher.hash(password) : Uni.createFrom().nullItem();
    }

    private Uni<TokenResponse> open(Account account, String newHash) {
        Instant now = now();
        LoginSession session = new LoginSession();
        session.id = UUID.randomUUID();
        session.userId = account.id;
        session.createdAt = now;
        session.expiresAt = now.plus(sessionLifespan);
        Uni<Integer> rehash = newHash == null ? Uni.createFrom().item(0) : accounts.updatePasswordHash(account.id, newHash, now);
        return rehash.chain(() -> sessions.persist(session)).chain(() -> issue(account, session, now));
    }

    private Uni<TokenResponse> issue(Account account, LoginSession session, Instant now) {
        String refreshToken = RefreshTokens.generate();
        RefreshToken row = new RefreshToken();
        row.tokenHash = RefreshTokens.hash(refreshToken);
        row.userId = account.id;
        row.sessionId = session.id;
        row.createdAt = now;
        row.expiresAt = session.expiresAt;
        return refreshTokens.persist(row).map(ignored -> {
            AccessToken access = accessTokens.issue(account.id, account.email, account.displayName, account.roles, session.id);
            return new TokenResponse(access.value(), refreshToken, TokenResponse.BEARER, access.expiresInSeconds());
        });
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static ApiException invalidCredentials() {
        return new ApiException(401, "Unauthorized", "INVALID_CREDENTIALS", "The email or password is wrong", List.of());
    }

    private static ApiException invalidRefreshToken() {
        return new ApiException(401, "Unauthorized", "INVALID_REFRESH_TOKEN",
                "The refresh token is unknown, already used, expired or revoked; log in again", List.of());
    }
}
