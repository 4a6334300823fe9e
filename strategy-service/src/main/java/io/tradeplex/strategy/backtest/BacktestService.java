package io.tradeplex.strategy.backtest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.tradeplex.kit.problem.ApiException;
import io.tradeplex.kit.problem.FieldError;
import io.tradeplex.kit.tenant.Tenant;
import io.tradeplex.strategy.market.bars.BarHistory;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Admits, records and reads backtests; {@link BacktestRunner} simulates them. */
@ApplicationScoped
public class BacktestService {
    private final BacktestRunner runner;
    private final BacktestRepository backtests;
    private final BacktestConfig config;
    private final ObjectMapper mapper;
    private final Vertx vertx;

    public BacktestService(BacktestRunner runner, BacktestRepository backtests, BacktestConfig config,
                           ObjectMapper mapper, Vertx vertx) {
        this.runner = runner;
        this.backtests = backtests;
        this.config = config;
        this.mapper = mapper;
        this.vertx = vertx;
    }

    /**
     * Checks the symbols against the history (a history may read files, so off the event loop), takes a place on
     * this instance's pool, then records the backtest RUNNING unless the user already has their share running.
     */
    public Uni<BacktestView> start(UUID userId, BacktestSpec spec, boolean oneSymbol) {
        return vertx.executeBlocking(() -> {
                    requireHistory(runner.history(), spec, oneSymbol);
                    return spec;
                })
                .chain(() -> {
                    BacktestRunner.Slot slot = runner.reserve();
                    BacktestEntity row = newRow(userId, spec);
                    return Tenant.transaction(userId, () -> admit(userId, row))
                            .onFailure().invoke(slot::release)
                            .invoke(() -> runner.submit(slot, row.id, userId, spec))
                            .map(this::view);
                });
    }

    public Uni<BacktestView> get(UUID userId, UUID backtestId) {
        return Tenant.transaction(userId, () -> backtests.findOwned(userId, backtestId))
                .onItem().ifNull().failWith(() -> ApiException.notFound("Backtest"))
                .map(this::view);
    }

    public Uni<List<BacktestSummary>> list(UUID userId, int page, int size) {
        return Tenant.transaction(userId, () -> backtests.listOwned(userId, page, size))
                .map(rows -> rows.stream().map(row -> new BacktestSummary(row.id(), row.template(), row.status(),
                        row.progress().doubleValue(), json(row.request()), row.error(), row.createdAt(),
                        row.finishedAt())).toList());
    }

    private Uni<BacktestEntity> admit(UUID userId, BacktestEntity row) {
        return backtests.lockAdmissionsOf(userId)
                .chain(() -> backtests.countRunning(userId))
                .chain(running -> {
                    if (running >= config.maxRunningPerUser()) {
                        return Uni.createFrom().failure(new ApiException(429, "Too Many Requests", "BACKTEST_LIMIT",
                                "You have " + running + " backtests running, the most allowed at once; wait for one"
                                        + " to finish", List.of()));
                    }
                    return backtests.persist(row);
                });
    }

    /** 422 NO_HISTORY naming each symbol the history does not hold at the interval. */
    private static void requireHistory(BarHistory history, BacktestSpec spec, boolean oneSymbol) {
        Set<String> known = history.symbols(spec.interval());
        List<FieldError> missing = new ArrayList<>();
        for (int i = 0; i < spec.symbols().size(); i++) {
            if (!known.contains(spec.symbols().get(i))) {
                missing.add(new FieldError(oneSymbol ? "symbol" : "symbols[" + i + "]",
                        "has no " + spec.interval().label() + " history"));
            }
        }
        if (!missing.isEmpty()) {
            throw new ApiException(422, "Unprocessable request", "NO_HISTORY",
                    missing.stream().map(error -> error.field() + " " + error.message())
                            .collect(Collectors.joining("; ")), missing);
        }
    }

    private BacktestEntity newRow(UUID userId, BacktestSpec spec) {
        BacktestEntity row = new BacktestEntity();
        row.id = UUID.randomUUID();
        row.userId = userId;
        row.template = spec.params().template().wire();
        row.request = spec.toJson().toString();
        row.status = BacktestEntity.RUNNING;
        row.progress = BigDecimal.ZERO;
        row.createdAt = BacktestRunner.now();
        row.heartbeatAt = row.createdAt;
        return row;
    }

    private BacktestView view(BacktestEntity row) {
        return new BacktestView(row.id, row.status, row.progress.doubleValue(), json(row.request), json(row.result),
                row.error, row.createdAt, row.finishedAt);
    }

    private JsonNode json(String text) {
        if (text == null) {
            return null;
        }
        try {
            return mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
