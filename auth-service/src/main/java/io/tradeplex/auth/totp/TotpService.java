package io.tradeplex.auth.totp;

import io.smallrye.mutiny.Uni;
import io.tradeplex.auth.account.AccountRepository;
import io.tradeplex.auth.throttle.LoginThrottle;
import io.tradeplex.auth.throttle.LoginThrottle.Attempt;
import io.tradeplex.auth.throttle.TooManyAttempts;
import io.tradeplex.kit.audit.AuditTrail;
import io.tradeplex.kit.problem.ApiException;
import io.tradeplex.kit.problem.FieldError;
import io.tradeplex.kit.tenant.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Optional TOTP two-factor: enrol (a pending secret), confirm with a first code (enabled, recovery codes issued),
 * disable with a code. Logins of an enabled user need a code or a recovery code; each step's code works once.
 */
@ApplicationScoped
public class TotpService {
    static final String ISSUER = "Tradeplex";
    static final String ACTION_ENABLE = "auth.totp.enable";
    static final String ACTION_DISABLE = "auth.totp.disable";

    private final AccountRepository accounts;
    private final TotpCredentialRepository credentials;
    private final RecoveryCodes recoveryCodes;
    private final TotpCodes codes;
    private final LoginThrottle throttle;
    private final AuditTrail audit;
    private final Clock clock;

    public TotpService(AccountRepository accounts, TotpCredentialRepository credentials, RecoveryCodes recoveryCodes,
                       TotpCodes codes, LoginThrottle throttle, AuditTrail audit, Clock clock) {
        this.accounts = accounts;
        this.credentials = credentials;
        this.recoveryCodes = recoveryCodes;
        this.codes = codes;
        this.throttle = throttle;
        this.audit = audit;
        this.clock = clock;
    }

    /** Starts (or restarts) an enrolment; an enabled TOTP must be disabled first. */
    public Uni<TotpEnrolment> enrol(UUID userId) {
        Instant now = now();
        return Tenant.transaction(userId, () -> accounts.findById(userId).chain(account -> {
            if (account == null) {
                return Uni.createFrom().failure(ApiException.notFound("Account"));
            }
            return credentials.findById(userId).chain(existing -> {
                if (existing != null && existing.confirmed()) {
                    return Uni.createFrom().failure(ApiException.conflict("TOTP_ALREADY_ENABLED",
                            "Two-factor authentication is already on; disable it before enrolling again"));
                }
                TotpCredential credential = existing != null ? existing : new TotpCredential();
                credential.userId = userId;
                credential.secret = codes.newSecret();
                credential.createdAt = now;
                credential.lastUsedStep = null;
                Uni<TotpCredential> saved = existing != null ? Uni.createFrom().item(credential) : credentials.persist(credential);
                return saved.map(c -> new TotpEnrolment(c.secret, codes.otpauthUri(c.secret, ISSUER, account.email)));
            });
        }));
    }

    /** Proves the authenticator app holds the pending secret; then TOTP is on and recovery codes are issued. */
    public Uni<RecoveryCodesResponse> confirm(UUID userId, String code) {
        Instant now = now();
        return Tenant.transaction(userId, () -> credentials.findById(userId, LockModeType.PESSIMISTIC_WRITE)
                .chain(credential -> {
                    if (credential == null) {
                        return Uni.createFrom().failure(ApiException.conflict("TOTP_NOT_PENDING",
                                "No enrolment in progress; start one with POST /api/v1/me/totp"));
                    }
                    if (credential.confirmed()) {
                        return Uni.createFrom().failure(ApiException.conflict("TOTP_ALREADY_ENABLED",
                                "Two-factor authentication is already on"));
                    }
                    OptionalLong step = codes.matchingStep(credential.secret, code, now);
                    if (step.isEmpty()) {
                        return Uni.createFrom().failure(invalidCode());
                    }
                    credential.confirmedAt = now;
                    credential.lastUsedStep = step.getAsLong();
                    List<String> issued = codes.newRecoveryCodes();
                    return recoveryCodes.replace(userId, issued)
                            .chain(() -> audit.within(audit.allowed(userId, userId, ACTION_ENABLE, null, Map.of())))
                            .replaceWith(new RecoveryCodesResponse(issued));
                }));
    }

    /**
     * Needs a current code or a recovery code, so a stolen access token alone cannot strip the second factor. Wrong
     * codes count against the account's login throttle: they are guesses at the same secret.
     */
    public Uni<Void> disable(UUID userId, String code) {
        Instant now = now();
        return Tenant.transaction(userId, () -> accounts.findById(userId).chain(account -> {
                    if (account == null) {
                        return Uni.createFrom().failure(ApiException.notFound("Account"));
                    }
                    return throttle.begin(List.of(throttle.account(account.email)), now)
                            .chain(attempt -> attempt.refused()
                                    ? Uni.createFrom().item(new Disabling(attempt, null))
                                    : disableWith(userId, code, attempt, now));
                }))
                // Outcomes are settled after the commit: a refused or wrong attempt must still leave its count behind.
                .chain(outcome -> {
                    if (outcome.attempt().refused()) {
                        return Uni.createFrom().failure(new TooManyAttempts(outcome.attempt().retryAfter(),
                                "Too many wrong codes; try again later"));
                    }
                    if (outcome.factor() == null) {
                        return Uni.createFrom().failure(ApiException.conflict("TOTP_NOT_ENABLED",
                                "Two-factor authentication is not on"));
                    }
                    if (outcome.factor() == SecondFactor.REJECTED) {
                        return audit.record(audit.failed(userId, userId, ACTION_DISABLE, "BAD_TOTP", null, Map.of()))
                                .chain(() -> Uni.createFrom().failure(invalidCode()));
                    }
                    return Uni.createFrom().voidItem();
                });
    }

    private record Disabling(Attempt attempt, SecondFactor factor) {
    }

    private Uni<Disabling> disableWith(UUID userId, String code, Attempt attempt, Instant now) {
        return credentials.lockConfirmed(userId).chain(credential -> {
            if (credential == null) {
                return throttle.giveBack(attempt).replaceWith(new Disabling(attempt, null));
            }
            return check(credential, code, now).chain(factor -> factor == SecondFactor.REJECTED
                    ? Uni.createFrom().item(new Disabling(attempt, factor))
                    : credentials.delete(credential)
                    .chain(() -> recoveryCodes.delete(userId))
                    .chain(() -> throttle.giveBack(attempt))
                    .chain(() -> audit.within(audit.allowed(userId, userId, ACTION_DISABLE, null,
                            Map.of("secondFactor", factor.label()))))
                    .replaceWith(new Disabling(attempt, factor)));
        });
    }

    /** Whether a login must present a second factor. */
    public Uni<Boolean> isEnabled(UUID userId) {
        return credentials.isEnabled(userId);
    }

    /**
     * Checks a login's second factor and uses it up. Must run in the transaction that opens the session, so a code
     * is spent exactly when it lets someone in.
     */
    public Uni<SecondFactor> acceptForLogin(UUID userId, String code, Instant now) {
        return credentials.lockConfirmed(userId).chain(credential -> credential == null
                ? Uni.createFrom().item(SecondFactor.NONE)
                : check(credential, code, now));
    }

    private Uni<SecondFactor> check(TotpCredential credential, String code, Instant now) {
        if (TotpCodes.looksLikeCode(code)) {
            OptionalLong step = codes.matchingStep(credential.secret, code, now);
            // Only a step later than the last accepted one: a code seen over someone's shoulder is already spent.
            if (step.isPresent() && (credential.lastUsedStep == null || step.getAsLong() > credential.lastUsedStep)) {
                credential.lastUsedStep = step.getAsLong();
                return Uni.createFrom().item(SecondFactor.TOTP);
            }
            return Uni.createFrom().item(SecondFactor.REJECTED);
        }
        return recoveryCodes.spend(credential.userId, code, now)
                .map(spent -> spent ? SecondFactor.RECOVERY_CODE : SecondFactor.REJECTED);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static ApiException invalidCode() {
        String message = "is not a current authenticator code or an unused recovery code";
        return new ApiException(400, "Invalid request", "TOTP_CODE_INVALID", "code: " + message,
                List.of(new FieldError("code", message)));
    }
}
