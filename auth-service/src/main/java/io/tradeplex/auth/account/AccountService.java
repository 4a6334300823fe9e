package io.tradeplex.auth.account;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tradeplex.contracts.Topics;
import io.tradeplex.contracts.auth.UserRegistered;
import io.tradeplex.kit.outbox.Outbox;
import io.tradeplex.kit.problem.ApiException;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** Creates accounts: the row and its {@code UserRegistered} event commit together or not at all. */
@ApplicationScoped
public class AccountService {
    public static final String ROLE_TRADER = "trader";
    public static final String ROLE_ADMIN = "admin";
    public static final String EMAIL_TAKEN = "EMAIL_TAKEN";
    private static final String UNIQUE_VIOLATION = "23505";

    private final AccountRepository accounts;
    private final PasswordHasher hasher;
    private final Outbox outbox;

    public AccountService(AccountRepository accounts, PasswordHasher hasher, Outbox outbox) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.outbox = outbox;
    }

    /**
     * @param email       normalised and valid
     * @param password    within {@link PasswordPolicy}
     * @param displayName {@code null} to use the email's local part
     * @return the new user id; fails with 409 {@link #EMAIL_TAKEN} if the email already has an account
     */
    public Uni<UUID> register(String email, String password, String displayName, List<String> roles) {
        // The existence check is an early, cheap answer; the unique key decides when two sign-ups race.
        return Panache.withSession(() -> accounts.existsByEmail(email))
                .chain(exists -> exists ? Uni.createFrom().<String>failure(emailTaken()) : hasher.hash(password))
                .chain(hash -> Panache.withTransaction(() -> insert(email, hash, displayName, roles)))
                .onFailure(AccountService::isUniqueViolation).transform(ignored -> emailTaken());
    }

    private Uni<UUID> insert(String email, String passwordHash, String displayName, List<String> roles) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Account account = new Account();
        account.id = UUID.randomUUID();
        account.email = email;
        account.passwordHash = passwordHash;
        account.displayName = displayName != null ? displayName : email.substring(0, email.indexOf('@'));
        account.roles = List.copyOf(roles);
        account.createdAt = now;
        account.updatedAt = now;
        UserRegistered event = new UserRegistered(UserRegistered.SCHEMA_VERSION, account.id, account.email,
                account.displayName, account.roles, now);
        String key = account.id.toString();
        // Flush first, so a duplicate email fails here and no event is written for an account that does not exist.
        return accounts.persistAndFlush(account)
                .chain(() -> outbox.add(Topics.AUTH, key, key, event))
                .replaceWith(account.id);
    }

    private static ApiException emailTaken() {
        return ApiException.conflict(EMAIL_TAKEN, "An account with this email already exists");
    }

    private static boolean isUniqueViolation(Throwable failure) {
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
