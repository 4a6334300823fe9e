package io.tradeplex.strategy.instance;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.tradeplex.contracts.Topics;
import io.tradeplex.contracts.strategies.StrategyStarted;
import io.tradeplex.contracts.strategies.StrategyStopped;
import io.tradeplex.contracts.users.UserState;
import io.tradeplex.kit.audit.AuditTrail;
import io.tradeplex.kit.outbox.Outbox;
import io.tradeplex.kit.problem.ApiException;
import io.tradeplex.kit.problem.FieldError;
import io.tradeplex.kit.tenant.Tenant;
import io.tradeplex.strategy.engine.ParamsCheck;
import io.tradeplex.strategy.engine.StrategyParams;
import io.tradeplex.strategy.engine.TemplateCatalog;
import io.tradeplex.strategy.market.bars.BarInterval;
import io.tradeplex.strategy.runtime.RuntimeConfig;
import io.tradeplex.strategy.signal.SignalRepository;
import io.tradeplex.strategy.user.UserDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * A user's strategies: create, change, start, stop, delete. Every change of status commits with its event on
 * {@code tradeplex.strategies.v1}; the instance that owns the user's partition runs or stops the strategy from it.
 */
@ApplicationScoped
public class StrategyService {
    static final int MAX_STRATEGIES_PER_USER = 100;
    static final int MAX_SYMBOLS = 20;
    private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9]{1,20}(-[A-Z0-9]{1,20})?");
    private static final Logger LOG = Logger.getLogger(StrategyService.class);
    static final String PATH = "/api/v1/strategies";

    private final StrategyRepository strategies;
    private final SignalRepository signals;
    private final UserDirectory users;
    private final Outbox outbox;
    private final RuntimeConfig config;
    private final AuditTrail audit;

    public StrategyService(StrategyRepository strategies, SignalRepository signals, UserDirectory users, Outbox outbox,
                           RuntimeConfig config, AuditTrail audit) {
        this.strategies = strategies;
        this.signals = signals;
        this.users = users;
        this.outbox = outbox;
        this.config = config;
        this.audit = audit;
    }

    public Uni<StrategyView> create(UUID userId, CreateStrategyRequest request) {
        return audited(userId, "strategy.create", null, () -> createChecked(userId, request));
    }

    private Uni<StrategyView> createChecked(UUID userId, CreateStrategyRequest request) {
        requireMayChangeParameters(userId);
        List<FieldError> errors = new ArrayList<>();
        UUID accountId = accountIdOf(request.accountId(), errors);
        List<String> symbols = symbolsOf(request.symbols(), errors);
        BarInterval interval = intervalOf(request.interval(), errors);
        ParamsCheck check = TemplateCatalog.validate(request.template(), orEmpty(request.params()));
        if (check instanceof ParamsCheck.Invalid invalid) {
            errors.addAll(invalid.errors());
        }
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        StrategyParams params = check.orThrow();
        UserState.Account account = usableAccount(userId, accountId);
        StrategyEntity strategy = new StrategyEntity();
        strategy.id = UUID.randomUUID();
        strategy.userId = userId;
        strategy.template = params.template().wire();
        strategy.accountId = accountId;
        strategy.broker = account.broker();
        strategy.symbols = String.join(",", symbols);
        strategy.barInterval = interval.label();
        strategy.params = params.toJson().toString();
        strategy.status = StrategyStatus.STOPPED;
        strategy.state = "{}";
        strategy.createdAt = Instant.now();
        strategy.updatedAt = strategy.createdAt;
        return Tenant.transaction(userId, () -> strategies.count("userId", userId).chain(count -> {
            if (count >= MAX_STRATEGIES_PER_USER) {
                throw ApiException.unprocessable("STRATEGY_COUNT_LIMIT", "You have " + count + " strategies, the most "
                        + "one user may keep; delete one first");
            }
            return strategies.persist(strategy).call(saved -> audit.within(audit.allowed(userId, userId,
                    "strategy.create", PATH + "/" + saved.id, Map.of("strategyId", saved.id.toString(),
                            "template", saved.template, "accountId", saved.accountId.toString(),
                            "symbols", saved.symbols, "interval", saved.barInterval))));
        })).map(saved -> StrategyMapper.toView(saved, null));
    }

    public Uni<List<StrategyView>> list(UUID userId) {
        return Tenant.transaction(userId, () -> strategies.listOwned(userId).chain(rows -> Multi.createFrom()
                .iterable(rows)
                .onItem().transformToUniAndConcatenate(row -> signals.latest(userId, row.id)
                        .map(last -> StrategyMapper.toView(row, last)))
                .collect().asList()));
    }

    public Uni<StrategyView> get(UUID userId, UUID strategyId) {
        return audited(userId, "strategy.read", strategyId, () -> Tenant.transaction(userId, () -> owned(userId,
                strategyId, false).chain(row -> signals.latest(userId, row.id).map(last -> StrategyMapper.toView(row,
                last)))));
    }

    /** New parameters apply from the next start; a running strategy is stopped first. */
    public Uni<StrategyView> changeParameters(UUID userId, UUID strategyId, ParamsRequest request) {
        return audited(userId, "strategy.params.change", strategyId, () -> {
            requireMayChangeParameters(userId);
            return changeChecked(userId, strategyId, request);
        });
    }

    private Uni<StrategyView> changeChecked(UUID userId, UUID strategyId, ParamsRequest request) {
        return Tenant.transaction(userId, () -> owned(userId, strategyId, true).chain(row -> {
            if (row.status == StrategyStatus.RUNNING) {
                throw ApiException.conflict("STRATEGY_RUNNING", "Stop the strategy before changing its parameters");
            }
            StrategyParams params = TemplateCatalog.validate(row.template, orEmpty(request == null ? null
                    : request.params())).orThrow();
            row.params = params.toJson().toString();
            // The runs' windows were built for the old parameters: they start again.
            row.state = "{}";
            row.updatedAt = Instant.now();
            return audit.within(audit.allowed(userId, userId, "strategy.params.change", PATH + "/" + row.id,
                    Map.of("strategyId", row.id.toString(), "params", row.params)))
                    .replaceWith(StrategyMapper.toView(row, null));
        }));
    }

    public Uni<StrategyView> start(UUID userId, UUID strategyId) {
        return audited(userId, "strategy.start", strategyId, () -> startChecked(userId, strategyId));
    }

    private Uni<StrategyView> startChecked(UUID userId, UUID strategyId) {
        return Tenant.transaction(userId, () -> owned(userId, strategyId, true).chain(row -> {
            if (row.status == StrategyStatus.RUNNING) {
                return Uni.createFrom().item(row);
            }
            usableAccount(userId, row.accountId);
            int cap = capFor(userId);
            return strategies.countRunning(userId).chain(running -> {
                if (running >= cap) {
                    throw ApiException.unprocessable("STRATEGY_LIMIT", "Your tier may run " + cap + " strategies at "
                            + "once and " + running + " are running; stop one first");
                }
                Instant now = Instant.now();
                row.status = StrategyStatus.RUNNING;
                row.statusReason = null;
                row.updatedAt = now;
                String user = userId.toString();
                return outbox.add(Topics.STRATEGIES, user, user, new StrategyStarted(StrategyStarted.SCHEMA_VERSION,
                        userId, row.id, row.template, row.accountId, row.symbolList(), row.barInterval, now))
                        .replaceWith(row);
            });
        })).map(row -> StrategyMapper.toView(row, null));
    }

    public Uni<StrategyView> stop(UUID userId, UUID strategyId) {
        return audited(userId, "strategy.stop", strategyId, () -> Tenant.transaction(userId, () -> owned(userId,
                strategyId, true).chain(row -> stopRow(row, "user", null))).map(row -> StrategyMapper.toView(row,
                null)));
    }

    public Uni<Void> delete(UUID userId, UUID strategyId) {
        return audited(userId, "strategy.delete", strategyId, () -> deleteChecked(userId, strategyId));
    }

    private Uni<Void> deleteChecked(UUID userId, UUID strategyId) {
        return Tenant.transaction(userId, () -> owned(userId, strategyId, true).chain(row -> {
            if (row.status == StrategyStatus.RUNNING) {
                throw ApiException.conflict("STRATEGY_RUNNING", "Stop the strategy before deleting it");
            }
            return strategies.delete(row);
        }));
    }

    /** A disabled or deleted user's strategies stop; the instance running them does it, so it happens once. */
    void onUserHalted(@Observes UserDirectory.UserHalted halted, io.tradeplex.strategy.runtime.LiveStrategies live) {
        for (UUID strategyId : live.strategiesOf(halted.userId())) {
            Tenant.transaction(halted.userId(), () -> strategies.findOwnedForUpdate(halted.userId(), strategyId)
                            .chain(row -> row == null ? Uni.createFrom().nullItem()
                                    : stopRow(row, "system", "user " + halted.status().toLowerCase(java.util.Locale.ROOT))))
                    .subscribe().with(done -> { },
                            failure -> LOG.warnf("Could not stop strategy %s of halted user %s: %s", strategyId,
                                    halted.userId(), failure));
        }
    }

    private Uni<StrategyEntity> stopRow(StrategyEntity row, String by, String reason) {
        if (row.status != StrategyStatus.RUNNING) {
            return Uni.createFrom().item(row);
        }
        Instant now = Instant.now();
        row.status = StrategyStatus.STOPPED;
        row.statusReason = reason;
        row.updatedAt = now;
        String user = row.userId.toString();
        return outbox.add(Topics.STRATEGIES, user, user, new StrategyStopped(StrategyStopped.SCHEMA_VERSION, row.userId,
                row.id, by, reason, now)).replaceWith(row);
    }

    /**
     * A refusal by a rule — another user's or an unknown strategy (404), a permission (403), a limit or an account
     * not the caller's (422) — lands in the caller's activity log, never in anyone else's; bad input (400) and
     * conflicts with the strategy's state (409) do not.
     */
    private <T> Uni<T> audited(UUID userId, String action, UUID strategyId, Supplier<Uni<T>> work) {
        String resource = strategyId == null ? PATH : PATH + "/" + strategyId;
        return Uni.createFrom().<T>deferred(work::get).onFailure(StrategyService::isDenial).call(failure ->
                audit.record(audit.denied(userId, userId, action, ((ApiException) failure).code(), resource,
                        strategyId == null ? Map.of() : Map.of("strategyId", strategyId.toString()))));
    }

    private static boolean isDenial(Throwable failure) {
        return failure instanceof ApiException refusal
                && (refusal.status() == 403 || refusal.status() == 404 || refusal.status() == 422);
    }

    private Uni<StrategyEntity> owned(UUID userId, UUID strategyId, boolean forUpdate) {
        return (forUpdate ? strategies.findOwnedForUpdate(userId, strategyId) : strategies.findOwned(userId, strategyId))
                .map(row -> {
                    if (row == null) {
                        throw ApiException.notFound("strategy");
                    }
                    return row;
                });
    }

    private void requireMayChangeParameters(UUID userId) {
        if (users.of(userId).map(UserState::tradeOnly).orElse(false)) {
            throw new ApiException(403, "Forbidden", "TRADE_ONLY", "Your account may start and stop strategies but not "
                    + "create them or change their parameters", List.of());
        }
    }

    /** Another user's account reads as not yours, like an unknown one: nothing about it is revealed. */
    private UserState.Account usableAccount(UUID userId, UUID accountId) {
        UserState.Account account = users.account(userId, accountId).orElseThrow(() -> new ApiException(422,
                "Unprocessable", "ACCOUNT_NOT_FOUND", "No broker account of yours has this id",
                List.of(new FieldError("accountId", "is not one of your broker accounts"))));
        if ("CLOSED".equals(account.status())) {
            throw new ApiException(422, "Unprocessable", "ACCOUNT_CLOSED", "This broker account is closed",
                    List.of(new FieldError("accountId", "is closed")));
        }
        return account;
    }

    private int capFor(UUID userId) {
        String tier = users.of(userId).map(UserState::tier).orElse("basic");
        Integer cap = config.maxRunning().get(tier);
        return cap != null ? cap : config.maxRunning().values().stream().min(Integer::compare).orElse(0);
    }

    private static UUID accountIdOf(String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError("accountId", "is required"));
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("accountId", "must be a UUID"));
            return null;
        }
    }

    private static List<String> symbolsOf(List<String> values, List<FieldError> errors) {
        if (values == null || values.isEmpty()) {
            errors.add(new FieldError("symbols", "needs at least one symbol"));
            return List.of();
        }
        if (values.size() > MAX_SYMBOLS) {
            errors.add(new FieldError("symbols", "may hold at most " + MAX_SYMBOLS + " symbols"));
            return List.of();
        }
        List<String> symbols = new ArrayList<>();
        HashSet<String> seen = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            String symbol = values.get(i) == null ? "" : values.get(i).strip();
            if (!SYMBOL.matcher(symbol).matches()) {
                errors.add(new FieldError("symbols[" + i + "]", "must be a symbol like BTC-USD (A-Z, 0-9, one dash)"));
            } else if (!seen.add(symbol)) {
                errors.add(new FieldError("symbols[" + i + "]", "is listed twice"));
            } else {
                symbols.add(symbol);
            }
        }
        return Collections.unmodifiableList(symbols);
    }

    private static BarInterval intervalOf(String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return BarInterval.M1;
        }
        return BarInterval.ofLabel(value.strip()).orElseGet(() -> {
            errors.add(new FieldError("interval", "must be one of 1m, 5m, 15m, 1h, 1d"));
            return BarInterval.M1;
        });
    }

    private static JsonNode orEmpty(JsonNode params) {
        return params == null ? com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode() : params;
    }

    private static ApiException invalid(List<FieldError> errors) {
        return new ApiException(400, "Invalid request", "VALIDATION", errors.stream()
                .map(error -> error.field() + ": " + error.message()).reduce((a, b) -> a + "; " + b).orElse(""), errors);
    }
}
