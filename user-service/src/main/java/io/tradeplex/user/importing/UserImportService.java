package io.tradeplex.user.importing;

import io.smallrye.mutiny.Uni;
import io.tradeplex.contracts.auth.UserRegistered;
import io.tradeplex.kit.problem.ApiException;
import io.tradeplex.kit.problem.FieldError;
import io.tradeplex.user.importing.ImportReport.RowReport;
import io.tradeplex.user.limits.LimitOverrides;
import io.tradeplex.user.limits.LimitOverridesRequest;
import io.tradeplex.user.tier.Tier;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Bulk onboarding. Every row is judged on its own: rows with any fault are reported and create nothing, the others are
 * created by auth-service, each account together with its registration event in one transaction whose
 * {@code onboarding} carries the tier and limits chosen here — so a user exists completely or not at all, and this
 * service creates the profile from that event like any other.
 */
@ApplicationScoped
public class UserImportService {
    static final Set<String> COLUMNS = Set.of("email", "displayName", "roles", "tier", "maxPositionSizeUsd",
            "maxDailyLossUsd", "maxOpenPositions", "allowedSymbols", "tradeOnly");
    private static final Set<String> ROLES = Set.of("trader", "analyst", "admin");
    private static final String EMAIL = "[^@\\s]{1,64}@[^@\\s]{1,189}";
    private static final Logger LOG = Logger.getLogger(UserImportService.class);

    private final AuthAccountsApi auth;

    public UserImportService(@RestClient AuthAccountsApi auth) {
        this.auth = auth;
    }

    public Uni<ImportReport> importUsers(UUID adminId, List<ImportRow> rows) {
        Map<Integer, RowReport> refused = new HashMap<>();
        List<AuthAccountsApi.Row> valid = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ImportRow row : rows) {
            List<FieldError> errors = new ArrayList<>();
            AuthAccountsApi.Row account = judge(adminId, row, errors);
            String email = ImportParser.normaliseEmail(row.value("email"));
            if (errors.isEmpty() && !seen.add(email)) {
                errors.add(new FieldError("email", "appears in an earlier row of this file"));
            }
            if (errors.isEmpty()) {
                valid.add(account);
            } else {
                refused.put(row.row(), new RowReport(row.row(), email, RowReport.FAILED, null, "INVALID_ROW", List.copyOf(errors)));
            }
        }
        Uni<List<AuthAccountsApi.Result>> created = valid.isEmpty() ? Uni.createFrom().item(List.of())
                : auth.importAccounts(new AuthAccountsApi.Request(adminId, valid)).map(AuthAccountsApi.Results::results)
                .onFailure(failure -> !(failure instanceof ApiException)).transform(failure -> {
                    LOG.warnf("auth-service import failed: %s", failure.toString());
                    return new ApiException(503, "Service Unavailable", "ACCOUNTS_UNAVAILABLE",
                            "Accounts cannot be created right now; nothing was created by this request's failed call."
                                    + " Retrying the same file is safe: rows already created answer EMAIL_TAKEN", List.of());
                });
        return created.map(results -> report(rows, refused, valid, results));
    }

    private static ImportReport report(List<ImportRow> rows, Map<Integer, RowReport> refused,
                                       List<AuthAccountsApi.Row> sent, List<AuthAccountsApi.Result> results) {
        Map<Integer, AuthAccountsApi.Result> byRow = new HashMap<>();
        results.forEach(result -> byRow.put(result.row(), result));
        Map<Integer, String> emails = new HashMap<>();
        sent.forEach(row -> emails.put(row.row(), row.email()));
        List<RowReport> reports = new ArrayList<>();
        for (ImportRow row : rows) {
            RowReport report = refused.get(row.row());
            if (report == null) {
                AuthAccountsApi.Result result = byRow.get(row.row());
                if (result != null && RowReport.CREATED.equals(result.status())) {
                    report = new RowReport(row.row(), emails.get(row.row()), RowReport.CREATED, result.userId(), null, List.of());
                } else {
                    String code = result == null ? "NOT_PROCESSED" : result.code();
                    String field = result == null || result.field() == null ? "email" : result.field();
                    String detail = result == null ? "auth-service gave no result for this row" : result.detail();
                    report = new RowReport(row.row(), emails.get(row.row()), RowReport.FAILED, null, code,
                            List.of(new FieldError(field, detail)));
                }
            }
            reports.add(report);
        }
        int created = (int) reports.stream().filter(report -> RowReport.CREATED.equals(report.status())).count();
        return new ImportReport(reports.size(), created, reports.size() - created, List.copyOf(reports));
    }

    private static AuthAccountsApi.Row judge(UUID adminId, ImportRow row, List<FieldError> errors) {
        row.values().keySet().stream().filter(column -> !COLUMNS.contains(column)).sorted().forEach(column ->
                errors.add(new FieldError(column.equals("__extra") ? "row" : column,
                        column.equals("__extra") ? row.values().get(column) : "is not a known column")));
        String email = ImportParser.normaliseEmail(row.value("email"));
        if (email == null) {
            errors.add(new FieldError("email", "is required"));
        } else if (!email.matches(EMAIL)) {
            errors.add(new FieldError("email", "is not an e-mail address"));
        }
        String displayName = row.value("displayName");
        if (displayName != null && (displayName.length() > 100 || displayName.chars().anyMatch(Character::isISOControl))) {
            errors.add(new FieldError("displayName", "must be at most 100 characters without control characters"));
        }
        List<String> roles = ImportParser.list(row.value("roles"));
        if (roles == null || roles.isEmpty()) {
            roles = List.of("trader");
        } else {
            roles.stream().filter(role -> !ROLES.contains(role)).forEach(role ->
                    errors.add(new FieldError("roles", role + " is not a role (trader, analyst, admin)")));
        }
        Tier tier = Tier.DEFAULT;
        if (row.value("tier") != null) {
            tier = Tier.ofWire(row.value("tier")).orElse(null);
            if (tier == null) {
                errors.add(new FieldError("tier", "must be one of basic, pro, enterprise"));
                tier = Tier.DEFAULT;
            }
        }
        BigDecimal maxPosition = money(row, "maxPositionSizeUsd", errors);
        BigDecimal maxLoss = money(row, "maxDailyLossUsd", errors);
        Integer maxOpen = count(row, "maxOpenPositions", errors);
        List<String> symbols = ImportParser.list(row.value("allowedSymbols"));
        if (symbols != null) {
            symbols.stream().filter(symbol -> !symbol.matches(LimitOverridesRequest.SYMBOL)).forEach(symbol ->
                    errors.add(new FieldError("allowedSymbols", symbol + " is not a symbol such as BTC-USD")));
        }
        Boolean tradeOnly = flag(row, "tradeOnly", errors);
        if (errors.isEmpty()) {
            errors.addAll(LimitOverrides.violations(tier,
                    new LimitOverridesRequest(maxPosition, null, maxLoss, maxOpen, symbols, null, tradeOnly)));
        }
        String name = displayName != null ? displayName : email == null ? null : email.substring(0, Math.max(1, email.indexOf('@')));
        return new AuthAccountsApi.Row(row.row(), email, name, roles,
                new UserRegistered.Onboarding(adminId, tier.wire(), maxPosition, maxLoss, maxOpen, symbols, tradeOnly));
    }

    private static BigDecimal money(ImportRow row, String column, List<FieldError> errors) {
        String value = row.value(column);
        if (value == null) {
            return null;
        }
        try {
            BigDecimal amount = new BigDecimal(value);
            if (amount.signum() <= 0 || amount.scale() > 2) {
                errors.add(new FieldError(column, "must be a positive amount with at most 2 decimals"));
                return null;
            }
            return amount;
        } catch (NumberFormatException e) {
            errors.add(new FieldError(column, "must be a number"));
            return null;
        }
    }

    private static Integer count(ImportRow row, String column, List<FieldError> errors) {
        String value = row.value(column);
        if (value == null) {
            return null;
        }
        if (!value.matches("\\d{1,4}")) {
            errors.add(new FieldError(column, "must be a whole number"));
            return null;
        }
        return Integer.parseInt(value);
    }

    private static Boolean flag(ImportRow row, String column, List<FieldError> errors) {
        String value = row.value(column);
        if (value == null) {
            return null;
        }
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            errors.add(new FieldError(column, "must be true or false"));
            return null;
        }
        return Boolean.parseBoolean(value);
    }
}
