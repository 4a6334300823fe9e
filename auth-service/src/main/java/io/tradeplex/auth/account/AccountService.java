package io.tradeplex.auth.account;

import io.smallrye.mutiny.Uni;
import io.tradeplex.contracts.Topics;
import io.tradeplex.contracts.auth.EmailVerified;
import io.tradeplex.contracts.auth.UserRegistered;
import io.tradeplex.kit.outbox.Outbox;
import io.tradeplex.kit.problem.ApiException;
import io.tradeplex.kit.problem.FieldError;
import io.tradeplex.kit.tenant.Tenant;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** Creates accounts: the row and its {@code UserRegistered} event commit together or not at all. */
@ApplicationScoped
public class AccountService {
    public static final String ROLE_TRADER = "trader";
    public static final String ROLE_ADMIN = "admin";
    public static final String ROLE_ANALYST = "analyst";
    public static final String EMAIL_TAKEN = "EMAIL_TAKEN";
    public static final String PASSWORD_TOO_COMMON = "PASSWORD_TOO_COMMON";
    private static final String UNIQUE_VIOLATION = "23505";

    private final AccountRepository accounts;
    private final PasswordHasher hasher;
    private final CommonPasswords commonPasswords;
    private final Outbox outbox;
    private final Clock clock;

    public AccountService(AccountRepository accounts, PasswordHasher hasher, CommonPasswords commonPasswords,
                          Outbox outbox, Clock clock) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.commonPasswords = commonPasswords;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * @param email         normalised and valid
     * @param password      within {@link PasswordPolicy}; refused with 400 {@link #PASSWORD_TOO_COMMON} if it is on
     *                      the common-password list
     * @param displayName   {@code null} to use the email's local part
     * @param emailVerified true only when the address is vouched for without a mailed link (the configured admin)
     * @return the new user id; fails with 409 {@link #EMAIL_TAKEN} if the email already has an account
     */
    public Uni<UUID> register(String email, String password, String displayName, List<String> roles, boolean emailVerified) {
        if (commonPasswords.isCommon(password)) {
            return Uni.createFrom().failure(passwordTooCommon());
        }
        // The existence check is an early, cheap answer; the unique key decides when two sign-ups race. It must see
        // every account, so it reads through the bypass; the new account is then inserted as its own (new) user.
        UUID userId = UUID.randomUUID();
        return Tenant.systemTransaction("registration: is the email taken", () -> accounts.existsByEmail(email))
                .chain(exists -> exists ? Uni.createFrom().<String>failure(emailTaken()) : hasher.hash(password))
                .chain(hash -> Tenant.transaction(userId,
                        () -> insert(userId, email, hash, displayName, roles, emailVerified, null)))
                .onFailure(AccountService::isUniqueViolation).transform(ignored -> emailTaken());
    }

    /**
     * An administrator's import: the account has no password (nobody can log in as it) until its owner accepts the
     * invitation, and its address is unverified until then. Must run in {@code Tenant.transaction(userId, …)}; a
     * duplicate email fails with a unique violation ({@link #isUniqueViolation}).
     */
    public Uni<UUID> insertImported(UUID userId, String email, String displayName, List<String> roles,
                                    UserRegistered.Onboarding onboarding) {
        return insert(userId, email, null, displayName, roles, false, onboarding);
    }

    private Uni<UUID> insert(UUID userId, String email, String passwordHash, String displayName, List<String> roles,
                             boolean emailVerified, UserRegistered.Onboarding onboarding) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Account account = new Account();
        account.id = userId;
        account.email = email;
        account.passwordHash = passwordHash;
        account.displayName = displayName != null ? displayName : email.substring(0, email.indexOf('@'));
        account.roles = List.copyOf(roles);
        account.createdAt = now;
        account.updatedAt = now;
        account.emailVerifiedAt = emailVerified ? now : null;
        UserRegistered event = new UserRegistered(UserRegistered.SCHEMA_VERSION, account.id, account.email,
                account.displayName, account.roles, now, onboarding);
        String key = account.id.toString();
        // Flush first, so a duplicate email fails here and no event is written for an account that does not exist.
        Uni<UUID> registered = accounts.persistAndFlush(account).chain(() -> outbox.add(Topics.AUTH, key, key, event));
        // Readers of the topic learn about a vouched-for address the same way as about a verified one.
        return (emailVerified
                ? registered.chain(() -> outbox.add(Topics.AUTH, key, key,
                new EmailVerified(EmailVerified.SCHEMA_VERSION, account.id, account.email, now)))
                : registered)
                .replaceWith(account.id);
    }

    private static ApiException emailTaken() {
        return ApiException.conflict(EMAIL_TAKEN, "An account with this email already exists");
    }

    /** 400 naming {@code password}: sign-up and accepting an invitation refuse the same passwords. */
    public static ApiException passwordTooCommon() {
        String message = "is one of the most common passwords (or one with digits or symbols appended); choose another";
        return new ApiException(400, "Invalid request", PASSWORD_TOO_COMMON, "password: " + message,
                List.of(new FieldError("password", message)));
    }

    public static boolean isUniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState())) {
                return true;
            }
            if (t instanceof org.hibernate.exception.ConstraintViolationException) {
                return true;
            }
        }
        return false;
    }
}
