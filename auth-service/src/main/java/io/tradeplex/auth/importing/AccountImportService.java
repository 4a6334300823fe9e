package io.tradeplex.auth.importing;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.tradeplex.auth.account.AccountRepository;
import io.tradeplex.auth.account.AccountService;
import io.tradeplex.auth.account.EmailAddresses;
import io.tradeplex.auth.account.RegisterRequest;
import io.tradeplex.auth.invitation.InvitationConfig;
import io.tradeplex.auth.invitation.InvitationService;
import io.tradeplex.contracts.auth.UserRegistered;
import io.tradeplex.kit.tenant.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Creates imported accounts, each in a transaction of its own: the account, its {@code UserRegistered} (with the
 * administrator's onboarding settings) and its invitation land together or not at all, whatever happens to the
 * other rows. Then each new user is mailed their invitation.
 * <p>
 * One transaction per row, one after another, rather than one transaction with a savepoint per row: row-level
 * security wants the transaction's user set before each row anyway, and a failed flush leaves a Hibernate session
 * unusable, so a savepoint could not save the rest of the batch. No Argon2 runs here. Measured on the 2-core
 * development machine while other builds kept its load average at 6 to 14: 1,000 rows in 8 to 15 s. Running 4 rows
 * at a time (each on a duplicated Vert.x context of its own, so their Hibernate sessions stay apart) was no faster
 * there: the time is CPU on the one event loop, not waiting on PostgreSQL (200 bare commits take 77 ms on it).
 */
@ApplicationScoped
public class AccountImportService {
    private static final Logger LOG = Logger.getLogger(AccountImportService.class);
    static final String INVALID_EMAIL = "INVALID_EMAIL";
    static final String INVALID_DISPLAY_NAME = "INVALID_DISPLAY_NAME";
    static final String INVALID_ROLE = "INVALID_ROLE";
    static final String INVALID_ONBOARDING = "INVALID_ONBOARDING";
    /** The database refused the row for another reason than a duplicate; importing the row again is safe. */
    static final String NOT_STORED = "NOT_STORED";

    private static final Set<String> ROLES =
            Set.of(AccountService.ROLE_TRADER, AccountService.ROLE_ANALYST, AccountService.ROLE_ADMIN);
    private static final List<String> DEFAULT_ROLES = List.of(AccountService.ROLE_TRADER);
    // The published UserRegistered schema's rules: a row the event could not carry is refused here, not emitted.
    private static final Pattern EMAIL_SHAPE = Pattern.compile("[^@\\s]+@[^@\\s]+");
    private static final Set<String> TIERS = Set.of("basic", "pro", "enterprise");
    private static final Pattern SYMBOL = Pattern.compile("\\*|[A-Z0-9][A-Z0-9:._-]{0,31}");

    private final AccountRepository accounts;
    private final AccountService accountService;
    private final InvitationService invitations;
    private final Validator validator;
    private final int mailConcurrency;

    public AccountImportService(AccountRepository accounts, AccountService accountService, InvitationService invitations,
                                Validator validator, InvitationConfig invitationConfig) {
        this.accounts = accounts;
        this.accountService = accountService;
        this.invitations = invitations;
        this.validator = validator;
        this.mailConcurrency = invitationConfig.mailConcurrency();
    }

    /** A row that passed every check that needs no database. */
    private record Candidate(int index, int row, String email, String displayName, List<String> roles,
                             UserRegistered.Onboarding onboarding) {
    }

    private record Created(Candidate candidate, UUID userId, String token) {
    }

    /** @return one result per row, in the order of {@code rows} */
    public Uni<List<RowResult>> importRows(UUID importedBy, List<ImportRow> rows) {
        long startedAt = System.nanoTime();
        RowResult[] results = new RowResult[rows.size()];
        List<Candidate> candidates = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int index = 0; index < rows.size(); index++) {
            ImportRow row = rows.get(index);
            RowResult problem = check(row);
            if (problem != null) {
                results[index] = problem;
                continue;
            }
            String email = EmailAddresses.normalise(row.email());
            if (!seen.add(email)) {
                results[index] = emailTaken(row.row(), "appears in an earlier row of this import");
                continue;
            }
            candidates.add(new Candidate(index, row.row(), email, displayName(row.displayName()), roles(row.roles()),
                    onboarding(importedBy, row.onboarding())));
        }
        return withoutTakenEmails(candidates, results)
                .chain(fresh -> Multi.createFrom().iterable(fresh)
                        .onItem().transformToUniAndConcatenate(candidate -> create(candidate, results))
                        .collect().asList())
                .chain(created -> Multi.createFrom().iterable(created)
                        .onItem().transformToUni(row -> invitations.mail(row.userId(), row.candidate().email(), row.token())
                                .invoke(mailed -> results[row.candidate().index()] =
                                        RowResult.created(row.candidate().row(), row.userId(), mailed)))
                        .merge(mailConcurrency)
                        .collect().asList()
                        .map(mailed -> {
                            LOG.infof("Imported %d of %d accounts in %d ms", created.size(), rows.size(),
                                    (System.nanoTime() - startedAt) / 1_000_000);
                            return Arrays.asList(results);
                        }));
    }

    /**
     * One read for all rows answers most duplicates without a failed insert each; the unique key still decides when
     * a sign-up races the import.
     */
    private Uni<List<Candidate>> withoutTakenEmails(List<Candidate> candidates, RowResult[] results) {
        if (candidates.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<String> emails = candidates.stream().map(Candidate::email).toList();
        return Tenant.systemTransaction("import: which emails are taken", () -> accounts.takenAmong(emails))
                .map(taken -> {
                    Set<String> takenSet = new HashSet<>(taken);
                    List<Candidate> fresh = new ArrayList<>();
                    for (Candidate candidate : candidates) {
                        if (takenSet.contains(candidate.email())) {
                            results[candidate.index()] = emailTaken(candidate.row(), "An account with this email already exists");
                        } else {
                            fresh.add(candidate);
                        }
                    }
                    return fresh;
                });
    }

    /** @return the created row, or null when it failed (its result is written then) */
    private Uni<Created> create(Candidate candidate, RowResult[] results) {
        UUID userId = UUID.randomUUID();
        return Tenant.transaction(userId, () -> accountService.insertImported(userId, candidate.email(),
                                candidate.displayName(), candidate.roles(), candidate.onboarding())
                        .chain(() -> invitations.issueWithin(userId)))
                .map(token -> new Created(candidate, userId, token))
                .onFailure().recoverWithItem(failure -> {
                    if (AccountService.isUniqueViolation(failure)) {
                        results[candidate.index()] = emailTaken(candidate.row(), "An account with this email already exists");
                    } else {
                        LOG.warnf("Import row %d was not stored: %s", candidate.row(), failure.getClass().getSimpleName());
                        results[candidate.index()] = RowResult.failed(candidate.row(), NOT_STORED, null,
                                "The account could not be stored; import this row again");
                    }
                    return null;
                });
    }

    /** @return the first problem of the row, or null if it may be created */
    private RowResult check(ImportRow row) {
        String email = EmailAddresses.normalise(row.email());
        // Sign-up's rules for the address and the display name, from the very same constraints.
        if (!validator.validateValue(RegisterRequest.class, "email", email).isEmpty() || email == null
                || !EMAIL_SHAPE.matcher(email).matches()) {
            return RowResult.failed(row.row(), INVALID_EMAIL, "email", "is not a valid email address");
        }
        Set<ConstraintViolation<RegisterRequest>> badName =
                validator.validateValue(RegisterRequest.class, "displayName", displayName(row.displayName()));
        if (!badName.isEmpty()) {
            return RowResult.failed(row.row(), INVALID_DISPLAY_NAME, "displayName", badName.iterator().next().getMessage());
        }
        if (row.roles() != null && row.roles().stream().anyMatch(role -> role == null || !ROLES.contains(role))) {
            return RowResult.failed(row.row(), INVALID_ROLE, "roles", "each role must be one of trader, analyst, admin");
        }
        return checkOnboarding(row.row(), row.onboarding());
    }

    private static RowResult checkOnboarding(int row, ImportOnboarding onboarding) {
        if (onboarding == null) {
            return null;
        }
        if (onboarding.tier() != null && !TIERS.contains(onboarding.tier())) {
            return badOnboarding(row, "tier", "must be basic, pro or enterprise");
        }
        if (negative(onboarding.maxPositionSizeUsd())) {
            return badOnboarding(row, "maxPositionSizeUsd", "must not be negative");
        }
        if (negative(onboarding.maxDailyLossUsd())) {
            return badOnboarding(row, "maxDailyLossUsd", "must not be negative");
        }
        if (onboarding.maxOpenPositions() != null && onboarding.maxOpenPositions() < 0) {
            return badOnboarding(row, "maxOpenPositions", "must not be negative");
        }
        if (onboarding.allowedSymbols() != null
                && onboarding.allowedSymbols().stream().anyMatch(symbol -> symbol == null || !SYMBOL.matcher(symbol).matches())) {
            return badOnboarding(row, "allowedSymbols", "each symbol must be * or an upper-case ticker such as BTC-USD");
        }
        return null;
    }

    private static boolean negative(BigDecimal amount) {
        return amount != null && amount.signum() < 0;
    }

    private static RowResult badOnboarding(int row, String field, String detail) {
        return RowResult.failed(row, INVALID_ONBOARDING, "onboarding." + field, detail);
    }

    private static RowResult emailTaken(int row, String detail) {
        return RowResult.failed(row, AccountService.EMAIL_TAKEN, "email", detail);
    }

    private static String displayName(String displayName) {
        return displayName == null || displayName.isBlank() ? null : displayName.strip();
    }

    private static List<String> roles(List<String> roles) {
        return roles == null || roles.isEmpty() ? DEFAULT_ROLES : List.copyOf(new LinkedHashSet<>(roles));
    }

    private static UserRegistered.Onboarding onboarding(UUID importedBy, ImportOnboarding row) {
        return row == null
                ? new UserRegistered.Onboarding(importedBy, null, null, null, null, null, null)
                : new UserRegistered.Onboarding(importedBy, row.tier(), row.maxPositionSizeUsd(), row.maxDailyLossUsd(),
                row.maxOpenPositions(), row.allowedSymbols() == null ? null : List.copyOf(row.allowedSymbols()),
                row.tradeOnly());
    }
}
