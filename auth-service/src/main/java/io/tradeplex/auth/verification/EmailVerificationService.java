package io.tradeplex.auth.verification;

import io.smallrye.mutiny.Uni;
import io.tradeplex.auth.account.Account;
import io.tradeplex.auth.account.AccountRepository;
import io.tradeplex.auth.throttle.TooManyAttempts;
import io.tradeplex.contracts.Topics;
import io.tradeplex.contracts.auth.EmailVerified;
import io.tradeplex.kit.outbox.Outbox;
import io.tradeplex.kit.problem.ApiException;
import io.tradeplex.kit.problem.FieldError;
import io.tradeplex.kit.tenant.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Proves that a user owns their email address: a signed, expiring token is mailed at sign-up (and on request), and
 * posting it back marks the address verified and announces {@code EmailVerified}.
 */
@ApplicationScoped
public class EmailVerificationService {
    private static final Logger LOG = Logger.getLogger(EmailVerificationService.class);
    static final String TOKEN_INVALID = "VERIFICATION_TOKEN_INVALID";
    static final String TOKEN_EXPIRED = "VERIFICATION_TOKEN_EXPIRED";

    private final AccountRepository accounts;
    private final VerificationTokens tokens;
    private final VerificationMailer mailer;
    private final Outbox outbox;
    private final Clock clock;
    private final Duration lifespan;
    private final Duration resendCooldown;

    public EmailVerificationService(AccountRepository accounts, VerificationTokens tokens, VerificationMailer mailer,
                                    Outbox outbox, Clock clock, EmailVerificationConfig config) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.mailer = mailer;
        this.outbox = outbox;
        this.clock = clock;
        this.lifespan = config.tokenLifespan();
        this.resendCooldown = config.resendCooldown();
    }

    /**
     * Mails the first link. A mail failure does not undo the sign-up: the account exists, and the user can ask for
     * another link once they are logged in.
     */
    public Uni<Void> sendAfterSignUp(UUID userId) {
        return claimSend(userId)
                .chain(account -> account == null ? Uni.createFrom().voidItem() : mail(account))
                .onFailure().recoverWithUni(failure -> {
                    LOG.warnf("Could not mail the verification link to user %s (they can ask for another): %s",
                            userId, failure.getClass().getSimpleName());
                    return Uni.createFrom().voidItem();
                });
    }

    /** At most one mail per cool-down, so this cannot be used to flood the user's mailbox. */
    public Uni<Void> resend(UUID userId) {
        return claimSend(userId).chain(account -> account == null
                ? refusal(userId)
                : mail(account).onFailure().transform(failure -> {
                    LOG.warnf("Could not mail a verification link to user %s: %s", userId, failure.getClass().getSimpleName());
                    return new ApiException(503, "Service Unavailable", "MAIL_UNAVAILABLE",
                            "The verification mail could not be sent; try again in a minute", List.of());
                }));
    }

    /** @return the verified user's id; 400 naming {@code token} when it is malformed, forged, or expired */
    public Uni<UUID> verify(String token) {
        var claim = tokens.read(token);
        if (claim.isEmpty()) {
            return Uni.createFrom().failure(invalid(TOKEN_INVALID, "is not a valid verification token"));
        }
        Instant now = now();
        return Tenant.transaction(claim.get().userId(), () -> accounts.findById(claim.get().userId()).chain(account -> {
            // An unknown user and a bad MAC look alike, so the endpoint does not reveal which user ids exist.
            if (account == null || !claim.get().signedFor(account.email)) {
                return Uni.createFrom().failure(invalid(TOKEN_INVALID, "is not a valid verification token"));
            }
            if (!claim.get().expiresAt().isAfter(now)) {
                return Uni.createFrom().failure(invalid(TOKEN_EXPIRED, "has expired; ask for a new link"));
            }
            return accounts.markEmailVerified(account.id, now).chain(changed -> {
                if (changed == 0) {
                    return Uni.createFrom().item(account.id);
                }
                String key = account.id.toString();
                EmailVerified event = new EmailVerified(EmailVerified.SCHEMA_VERSION, account.id, account.email, now);
                return outbox.add(Topics.AUTH, key, key, event).replaceWith(account.id);
            });
        }));
    }

    /** @return the account if a mail may go out now (and the send is recorded), else null */
    private Uni<Account> claimSend(UUID userId) {
        Instant now = now();
        return Tenant.transaction(userId, () -> accounts.claimVerificationSend(userId, now, now.minus(resendCooldown))
                .chain(claimed -> claimed == 1 ? accounts.findById(userId) : Uni.createFrom().nullItem()));
    }

    private Uni<Void> mail(Account account) {
        String token = tokens.issue(account.id, account.email, now().plus(lifespan));
        return mailer.send(account.email, token);
    }

    private Uni<Void> refusal(UUID userId) {
        return Tenant.transaction(userId, () -> accounts.findById(userId)).chain(account -> {
            if (account == null) {
                return Uni.createFrom().failure(ApiException.notFound("Account"));
            }
            if (account.emailVerified()) {
                return Uni.createFrom().failure(ApiException.conflict("EMAIL_ALREADY_VERIFIED",
                        "The email address is already verified"));
            }
            Duration wait = Duration.between(now(), account.verificationSentAt.plus(resendCooldown));
            return Uni.createFrom().failure(new TooManyAttempts(wait.isNegative() ? Duration.ZERO : wait,
                    "A verification link was mailed moments ago; check your inbox or try again later"));
        });
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static ApiException invalid(String code, String message) {
        return new ApiException(400, "Invalid request", code, "token: " + message, List.of(new FieldError("token", message)));
    }
}
