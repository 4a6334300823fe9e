package io.tradeplex.auth.invitation;

import io.smallrye.mutiny.Uni;
import io.tradeplex.auth.account.Account;
import io.tradeplex.auth.account.AccountRepository;
import io.tradeplex.auth.account.AccountService;
import io.tradeplex.auth.account.CommonPasswords;
import io.tradeplex.auth.account.PasswordHasher;
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
 * Invitations of imported users: a single-use, expiring token is mailed; accepting it sets the password and, since
 * the token arrived by mail, proves the address as a verification link would ({@code EmailVerified}).
 */
@ApplicationScoped
public class InvitationService {
    private static final Logger LOG = Logger.getLogger(InvitationService.class);
    static final String TOKEN_INVALID = "INVITATION_TOKEN_INVALID";
    static final String TOKEN_USED = "INVITATION_TOKEN_USED";
    static final String TOKEN_EXPIRED = "INVITATION_TOKEN_EXPIRED";

    private final InvitationRepository invitations;
    private final AccountRepository accounts;
    private final PasswordHasher hasher;
    private final CommonPasswords commonPasswords;
    private final InvitationMailer mailer;
    private final Outbox outbox;
    private final Clock clock;
    private final Duration lifespan;

    public InvitationService(InvitationRepository invitations, AccountRepository accounts, PasswordHasher hasher,
                             CommonPasswords commonPasswords, InvitationMailer mailer, Outbox outbox, Clock clock,
                             InvitationConfig config) {
        this.invitations = invitations;
        this.accounts = accounts;
        this.hasher = hasher;
        this.commonPasswords = commonPasswords;
        this.mailer = mailer;
        this.outbox = outbox;
        this.clock = clock;
        this.lifespan = config.tokenLifespan();
    }

    /**
     * Must run in {@code Tenant.transaction(userId, …)}, with the account's creation. The plain token is returned
     * for the mail and never stored.
     */
    public Uni<String> issueWithin(UUID userId) {
        Instant now = now();
        String token = InvitationTokens.generate();
        Invitation invitation = new Invitation();
        invitation.tokenHash = InvitationTokens.hash(token);
        invitation.userId = userId;
        invitation.createdAt = now;
        invitation.expiresAt = now.plus(lifespan);
        return invitations.persist(invitation).replaceWith(token);
    }

    /** @return whether the mail went out; a failure is logged (without address or token) and not raised */
    public Uni<Boolean> mail(UUID userId, String email, String token) {
        return mailer.send(email, token).replaceWith(true).onFailure().recoverWithItem(failure -> {
            LOG.warnf("Could not mail the invitation to user %s: %s", userId, failure.getClass().getSimpleName());
            return false;
        });
    }

    /**
     * @return the user id. 400 naming {@code token} if it is unknown, 410 if it was used or has expired, 400 naming
     * {@code password} if that is too common
     */
    public Uni<UUID> accept(String token, String password) {
        if (!InvitationTokens.wellFormed(token)) {
            return Uni.createFrom().failure(invalid());
        }
        if (commonPasswords.isCommon(password)) {
            return Uni.createFrom().failure(AccountService.passwordTooCommon());
        }
        byte[] hash = InvitationTokens.hash(token);
        Instant now = now();
        // Checked before Argon2 runs, so a bad token costs no hashing; the conditional update below still decides.
        return Tenant.systemTransaction("invitation: find the token's user by its hash", () -> invitations.findById(hash))
                .chain(invitation -> {
                    if (invitation == null) {
                        return Uni.createFrom().failure(invalid());
                    }
                    if (invitation.acceptedAt != null) {
                        return Uni.createFrom().failure(used());
                    }
                    if (!invitation.expiresAt.isAfter(now)) {
                        return Uni.createFrom().failure(expired());
                    }
                    return hasher.hash(password).chain(passwordHash -> Tenant.transaction(invitation.userId,
                            () -> consume(hash, invitation.userId, passwordHash, now)));
                });
    }

    private Uni<UUID> consume(byte[] tokenHash, UUID userId, String passwordHash, Instant now) {
        return invitations.accept(tokenHash, now).chain(accepted -> accepted == 0
                ? Uni.createFrom().<Account>failure(used())
                : accounts.findById(userId)).chain(account -> {
            // A deleted user's invitation is as good as none; the failure rolls the acceptance back.
            if (account == null || account.deleted()) {
                return Uni.createFrom().failure(invalid());
            }
            return accounts.updatePasswordHash(userId, passwordHash, now)
                    .chain(() -> accounts.markEmailVerified(userId, now))
                    .chain(changed -> {
                        if (changed == 0) {
                            return Uni.createFrom().item(userId);
                        }
                        String key = userId.toString();
                        EmailVerified event = new EmailVerified(EmailVerified.SCHEMA_VERSION, userId, account.email, now);
                        return outbox.add(Topics.AUTH, key, key, event).replaceWith(userId);
                    });
        });
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static ApiException invalid() {
        return tokenProblem(400, "Invalid request", TOKEN_INVALID, "is not a valid invitation token");
    }

    private static ApiException used() {
        return tokenProblem(410, "Gone", TOKEN_USED, "has already been used; log in with the password chosen then");
    }

    private static ApiException expired() {
        return tokenProblem(410, "Gone", TOKEN_EXPIRED, "has expired; ask an administrator for a new invitation");
    }

    private static ApiException tokenProblem(int status, String title, String code, String message) {
        return new ApiException(status, title, code, "token: " + message, List.of(new FieldError("token", message)));
    }
}
