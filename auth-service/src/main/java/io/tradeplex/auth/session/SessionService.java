package io.tradeplex.auth.session;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.tradeplex.auth.account.Account;
import io.tradeplex.auth.account.AccountRepository;
import io.tradeplex.auth.account.PasswordHasher;
import io.tradeplex.auth.throttle.LoginThrottle;
import io.tradeplex.auth.throttle.LoginThrottle.Attempt;
import io.tradeplex.auth.throttle.TooManyAttempts;
import io.tradeplex.auth.token.AccessTokenIssuer;
import io.tradeplex.auth.token.AccessTokenIssuer.AccessToken;
import io.tradeplex.auth.token.RefreshTokens;
import io.tradeplex.auth.token.TokenConfig;
import io.tradeplex.auth.totp.SecondFactor;
import io.tradeplex.auth.totp.TotpService;
import io.tradeplex.contracts.Topics;
import io.tradeplex.contracts.auth.SessionRevoked;
import io.tradeplex.kit.audit.AuditTrail;
import io.tradeplex.kit.outbox.Outbox;
import io.tradeplex.kit.problem.ApiException;
import io.tradeplex.kit.tenant.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Login, refresh-token rotation and the end of sessions.
 * <p>
 * A login opens a session (a refresh-token family) with an absolute end and an idle timeout; each refresh spends the
 * presented token and hands out the next one. Presenting a spent token means two parties hold the family — the owner
 * and a thief — so the whole session is revoked. Every early end (logout, ended from another device, reuse) publishes
 * {@code SessionRevoked}, and this service's own endpoints check the session table ({@link LiveSessionFilter}).
 */
@ApplicationScoped
public class SessionService {
    private static final Logger LOG = Logger.getLogger(SessionService.class);
    static final String ACTION_LOGIN = "auth.login";
    static final String ACTION_REFRESH = "auth.refresh";
    static final String REASON_LOGOUT = "logout";
    static final String REASON_ENDED_BY_USER = "ended-by-user";
    static final String REASON_REFRESH_TOKEN_REUSE = "refresh-token-reuse";
    public static final String REASON_ACCOUNT_DELETED = "account-deleted";

    private final AccountRepository accounts;
    private final LoginSessionRepository sessions;
    private final RefreshTokenRepository refreshTokens;
    private final PasswordHasher hasher;
    private final AccessTokenIssuer accessTokens;
    private final LoginThrottle throttle;
    private final TotpService totp;
    private final AuditTrail audit;
    private final Outbox outbox;
    private final Clock clock;
    private final Duration sessionLifespan;
    private final Duration idleTimeout;
    private final Duration verifierSkew;

    public SessionService(AccountRepository accounts, LoginSessionRepository sessions, RefreshTokenRepository refreshTokens,
                          PasswordHasher hasher, AccessTokenIssuer accessTokens, LoginThrottle throttle, TotpService totp,
                          AuditTrail audit, Outbox outbox, Clock clock, TokenConfig config,
                          @ConfigProperty(name = "mp.jwt.verify.clock.skew", defaultValue = "60") int verifierSkewSeconds) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.refreshTokens = refreshTokens;
        this.hasher = hasher;
        this.accessTokens = accessTokens;
        this.throttle = throttle;
        this.totp = totp;
        this.audit = audit;
        this.outbox = outbox;
        this.clock = clock;
        this.sessionLifespan = config.sessionLifespan();
        this.idleTimeout = config.sessionIdleTimeout();
        this.verifierSkew = Duration.ofSeconds(verifierSkewSeconds);
        if (idleTimeout.compareTo(config.accessLifespan()) <= 0) {
            throw new IllegalStateException("tradeplex.auth.tokens.session-idle-timeout must be longer than access-lifespan");
        }
    }

    private record Started(Attempt attempt, Account account) {
    }

    /**
     * @param email normalised. Unknown email and wrong password fail alike, in about the same time. The throttle is
     *              consulted (and the attempt counted) before any hashing.
     */
    public Uni<TokenResponse> login(String email, String password, String totpCode, Origin origin) {
        Instant startedAt = now();
        List<LoginThrottle.Key> keys = List.of(throttle.account(email), throttle.address(origin.clientAddress()));
        // This transaction commits before Argon2 runs: no row lock or connection is held while hashing. Nobody is known
        // yet, so the account is found by email through the read-only bypass (the throttle table holds no user data).
        return Tenant.systemTransaction("login: find the account by email", () -> throttle.begin(keys, startedAt)
                        .chain(attempt -> accounts.findByEmail(email).map(account -> new Started(attempt, account))))
                .chain(started -> started.attempt().refused()
                        ? throttled(started)
                        : checkPassword(started, password, totpCode, origin));
    }

    private Uni<TokenResponse> throttled(Started started) {
        TooManyAttempts refusal = new TooManyAttempts(started.attempt().retryAfter(), "Too many failed logins; try again later");
        Uni<Void> audited = started.account() == null
                ? warnUnknownAccount("THROTTLED")
                : audit.record(audit.denied(started.account().id, null, ACTION_LOGIN, "THROTTLED", null,
                Map.of("retryAfterSeconds", Long.toString(refusal.retryAfterSeconds()))));
        return audited.chain(() -> Uni.createFrom().failure(refusal));
    }

    private Uni<TokenResponse> checkPassword(Started started, String password, String totpCode, Origin origin) {
        Account account = started.account();
        // A deleted account, and an imported one whose owner has not chosen a password yet, are checked against the
        // dummy hash: they answer like a wrong password, in the same time.
        boolean deleted = account != null && account.deleted();
        return hasher.verify(password, account == null || deleted ? null : account.passwordHash).chain(matches -> {
            if (!matches) {
                return failed(account, deleted ? "ACCOUNT_DELETED" : "BAD_CREDENTIALS")
                        .chain(() -> Uni.createFrom().failure(invalidCredentials()));
            }
            return Tenant.transaction(account.id, () -> totp.isEnabled(account.id)).chain(totpOn -> {
                if (totpOn && totpCode == null) {
                    return Tenant.transaction(account.id, () -> throttle.giveBack(started.attempt()))
                            .chain(() -> Uni.createFrom().failure(totpRequired()));
                }
                return upgradedHash(account, password)
                        .chain(newHash -> Tenant.transaction(account.id, () -> secondFactor(account, totpOn, totpCode)
                                .chain(factor -> factor == SecondFactor.REJECTED
                                        ? Uni.createFrom().item(Optional.<TokenResponse>empty())
                                        : throttle.succeeded(started.attempt())
                                        .chain(() -> open(account, newHash, factor, origin))
                                        .map(Optional::of))))
                        // A wrong code leaves the attempt counted: the throttle protects the second factor too.
                        .chain(tokens -> tokens.isPresent()
                                ? Uni.createFrom().item(tokens.get())
                                : failed(account, "BAD_TOTP").chain(() -> Uni.createFrom().failure(totpInvalid())));
            });
        });
    }

    private Uni<SecondFactor> secondFactor(Account account, boolean totpOn, String totpCode) {
        return totpOn ? totp.acceptForLogin(account.id, totpCode, now()) : Uni.createFrom().item(SecondFactor.NONE);
    }

    /**
     * A failure belongs to the account's activity log. Its actor is unknown (null): nobody has proven who they are.
     * An unknown email has no log to write to, and the email itself is not logged.
     */
    private Uni<Void> failed(Account account, String reason) {
        return account == null
                ? warnUnknownAccount(reason)
                : audit.record(audit.failed(account.id, null, ACTION_LOGIN, reason, null, Map.of()));
    }

    private static Uni<Void> warnUnknownAccount(String reason) {
        LOG.warnf("Login refused (%s) for an email with no account", reason);
        return Uni.createFrom().voidItem();
    }

    public Uni<TokenResponse> refresh(String refreshToken) {
        if (!RefreshTokens.wellFormed(refreshToken)) {
            return Uni.createFrom().failure(invalidRefreshToken());
        }
        byte[] hash = RefreshTokens.hash(refreshToken);
        Instant now = now();
        // Only the token's hash is known, so its user is looked up through the read-only bypass; the rest runs as them.
        // The reuse path must commit its revocation and still answer 401, so rejection is a value until after commit.
        return Tenant.systemTransaction("refresh: find the refresh token's user by its hash",
                        () -> refreshTokens.findById(hash).map(token -> token == null ? null : token.userId))
                .chain(userId -> userId == null
                        ? Uni.createFrom().item(Optional.<TokenResponse>empty())
                        : Tenant.transaction(userId, () -> refreshTokens.spend(hash, now)
                        .chain(spent -> spent == 1 ? rotate(hash, now) : rejectSpent(hash, now))))
                .chain(tokens -> tokens.isPresent()
                        ? Uni.createFrom().item(tokens.get())
                        : Uni.createFrom().failure(invalidRefreshToken()));
    }

    private Uni<Optional<TokenResponse>> rotate(byte[] hash, Instant now) {
        return refreshTokens.findById(hash)
                .chain(token -> sessions.findById(token.sessionId))
                .chain(session -> {
                    if (session == null || !session.liveAt(now, idleTimeout)) {
                        return Uni.createFrom().item(Optional.<TokenResponse>empty());
                    }
                    session.lastUsedAt = now;
                    // Deletion revokes the sessions too; this covers a refresh racing with it.
                    return accounts.findById(session.userId).chain(account -> account == null || account.deleted()
                            ? Uni.createFrom().item(Optional.<TokenResponse>empty())
                            : issue(account, session, now).map(Optional::of));
                });
    }

    /** An unknown or expired token is just refused; a spent one means the family leaked, so the session ends. */
    private Uni<Optional<TokenResponse>> rejectSpent(byte[] hash, Instant now) {
        return refreshTokens.findById(hash).chain(token -> {
            if (token == null || token.usedAt == null) {
                return Uni.createFrom().item(Optional.<TokenResponse>empty());
            }
            return end(token.userId, token.sessionId, REASON_REFRESH_TOKEN_REUSE, now)
                    .chain(revoked -> {
                        if (!revoked) {
                            return Uni.createFrom().voidItem();
                        }
                        LOG.warnf("A spent refresh token was presented again; user %s lost that session", token.userId);
                        return audit.within(audit.denied(token.userId, null, ACTION_REFRESH, "REFRESH_TOKEN_REUSE",
                                null, Map.of()));
                    })
                    .replaceWith(Optional.<TokenResponse>empty());
        });
    }

    /** Idempotent: ending a session that is already over changes nothing. */
    public Uni<Void> logout(UUID userId, UUID sessionId) {
        return Tenant.transaction(userId, () -> end(userId, sessionId, REASON_LOGOUT, now())).replaceWithVoid();
    }

    /** @return false if the caller has no live session with that id (never tells whether it exists for someone else) */
    public Uni<Boolean> endOwn(UUID userId, UUID sessionId) {
        Instant now = now();
        return Tenant.transaction(userId, () -> sessions.findOwn(sessionId, userId).chain(session ->
                session == null || !session.liveAt(now, idleTimeout)
                        ? Uni.createFrom().item(false)
                        : end(userId, sessionId, REASON_ENDED_BY_USER, now)));
    }

    /**
     * Ends every live session of the user, each announced with {@code SessionRevoked}. Must run in
     * {@code Tenant.transaction(userId, …)}, so the revocations commit with whatever caused them.
     *
     * @return how many sessions were live and are revoked now
     */
    public Uni<Integer> endAllWithin(UUID userId, String reason) {
        Instant now = now();
        return sessions.listLive(userId, now, now.minus(idleTimeout))
                .chain(live -> Multi.createFrom().iterable(live)
                        .onItem().transformToUniAndConcatenate(session -> end(userId, session.id, reason, now))
                        .filter(Boolean::booleanValue)
                        .collect().asList()
                        .map(List::size));
    }

    public Uni<List<SessionView>> list(UUID userId, UUID currentSessionId) {
        Instant now = now();
        return Tenant.transaction(userId, () -> sessions.listLive(userId, now, now.minus(idleTimeout)))
                .map(live -> live.stream()
                        .map(s -> new SessionView(s.id, s.createdAt, s.lastUsedAt, s.idleEnd(idleTimeout), s.userAgent,
                                s.clientAddress, s.id.equals(currentSessionId)))
                        .toList());
    }

    /**
     * Revokes the session and announces it. {@code notAfter} is when the last access token the session can have
     * issued expires, plus the verifiers' clock skew: after it, nobody needs to remember the session.
     * Must run in a transaction. @return true if the session was live and is revoked now
     */
    private Uni<Boolean> end(UUID userId, UUID sessionId, String reason, Instant now) {
        return sessions.revoke(sessionId, userId, reason, now).chain(changed -> changed == 0
                ? Uni.createFrom().item(false)
                : sessions.findById(sessionId).chain(session -> {
                    Instant notAfter = accessTokens.latestExpiry(session.lastUsedAt, session.expiresAt).plus(verifierSkew);
                    SessionRevoked event = new SessionRevoked(SessionRevoked.SCHEMA_VERSION, userId, sessionId, reason,
                            now, notAfter);
                    String key = userId.toString();
                    return outbox.add(Topics.AUTH, key, key, event).replaceWith(true);
                }));
    }

    /** A hash made with weaker Argon2 parameters than today's is replaced while the plain password is at hand. */
    private Uni<String> upgradedHash(Account account, String password) {
        return hasher.needsRehash(account.passwordHash) ? hasher.hash(password) : Uni.createFrom().nullItem();
    }

    private Uni<TokenResponse> open(Account account, String newHash, SecondFactor factor, Origin origin) {
        Instant now = now();
        LoginSession session = new LoginSession();
        session.id = UUID.randomUUID();
        session.userId = account.id;
        session.createdAt = now;
        session.expiresAt = now.plus(sessionLifespan);
        session.lastUsedAt = now;
        session.userAgent = origin.userAgent();
        session.clientAddress = origin.clientAddress();
        Uni<Integer> rehash = newHash == null ? Uni.createFrom().item(0) : accounts.updatePasswordHash(account.id, newHash, now);
        return rehash.chain(() -> sessions.persist(session))
                .chain(() -> audit.within(audit.allowed(account.id, account.id, ACTION_LOGIN, null,
                        Map.of("secondFactor", factor.label()))))
                .chain(() -> issue(account, session, now));
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
            AccessToken access = accessTokens.issue(new AccessTokenIssuer.Subject(account.id, account.email,
                    account.displayName, account.roles, account.emailVerified(), session.id), now, session.expiresAt);
            return new TokenResponse(access.value(), refreshToken, TokenResponse.BEARER, access.expiresInSeconds());
        });
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static ApiException invalidCredentials() {
        return new ApiException(401, "Unauthorized", "INVALID_CREDENTIALS", "The email or password is wrong", List.of());
    }

    private static ApiException totpRequired() {
        return new ApiException(401, "Unauthorized", "TOTP_REQUIRED",
                "This account uses two-factor authentication; send the authenticator code (or a recovery code) as totp",
                List.of());
    }

    private static ApiException totpInvalid() {
        return new ApiException(401, "Unauthorized", "TOTP_INVALID",
                "The authenticator code is wrong, expired or already used", List.of());
    }

    private static ApiException invalidRefreshToken() {
        return new ApiException(401, "Unauthorized", "INVALID_REFRESH_TOKEN",
                "The refresh token is unknown, already used, expired or revoked; log in again", List.of());
    }
}
