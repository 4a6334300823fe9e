package io.tradeplex.strategy.backtest;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Every method but {@link #findStale} runs in the user's {@link io.tradeplex.kit.tenant.Tenant#transaction} and
 * filters by the user as well. Changes of a backtest apply only while it is RUNNING, so a late write of an instance
 * never undoes another's verdict (e.g. an interrupted backtest stays FAILED).
 */
@ApplicationScoped
public class BacktestRepository implements PanacheRepositoryBase<BacktestEntity, UUID> {

    public Uni<BacktestEntity> findOwned(UUID userId, UUID backtestId) {
        return find("id = ?1 and userId = ?2", backtestId, userId).firstResult();
    }

    /** The summaries of a page of the user's backtests, newest first; results are left out (they can be large). */
    public Uni<List<BacktestSummaryRow>> listOwned(UUID userId, int page, int size) {
        return find("userId = ?1", Sort.descending("createdAt", "id"), userId)
                .page(Page.of(page, size))
                .project(BacktestSummaryRow.class)
                .list();
    }

    /**
     * Holds the user's backtest admissions to one at a time, across instances, until the transaction ends: the
     * count of running backtests and the insert that follows it cannot interleave with another request's.
     */
    public Uni<Void> lockAdmissionsOf(UUID userId) {
        return getSession().chain(session -> session.createNativeQuery(
                        "select count(*) from (select pg_advisory_xact_lock(hashtextextended(:key, 0))) locked", Long.class)
                        .setParameter("key", "backtests:" + userId)
                        .getSingleResult())
                .replaceWithVoid();
    }

    public Uni<Long> countRunning(UUID userId) {
        return count("userId = ?1 and status = ?2", userId, BacktestEntity.RUNNING);
    }

    public Uni<Integer> progress(UUID userId, UUID backtestId, BigDecimal progress, Instant now) {
        return update("progress = :progress, heartbeatAt = :now where id = :id and userId = :user and status = :running",
                Parameters.with("progress", progress).and("now", now).and("id", backtestId).and("user", userId)
                        .and("running", BacktestEntity.RUNNING));
    }

    public Uni<Integer> done(UUID userId, UUID backtestId, String result, Instant now) {
        return update("status = :done, progress = 1, result = :result, finishedAt = :now, heartbeatAt = :now"
                        + " where id = :id and userId = :user and status = :running",
                Parameters.with("done", BacktestEntity.DONE).and("result", result).and("now", now).and("id", backtestId)
                        .and("user", userId).and("running", BacktestEntity.RUNNING));
    }

    public Uni<Integer> failed(UUID userId, UUID backtestId, String error, Instant now) {
        return update("status = :failed, error = :error, finishedAt = :now, heartbeatAt = :now"
                        + " where id = :id and userId = :user and status = :running",
                Parameters.with("failed", BacktestEntity.FAILED).and("error", error).and("now", now)
                        .and("id", backtestId).and("user", userId).and("running", BacktestEntity.RUNNING));
    }

    public Uni<Integer> heartbeat(UUID userId, Collection<UUID> backtestIds, Instant now) {
        return update("heartbeatAt = :now where id in :ids and userId = :user and status = :running",
                Parameters.with("now", now).and("ids", backtestIds).and("user", userId)
                        .and("running", BacktestEntity.RUNNING));
    }

    /** Across users: only in a system transaction, whose policy lets it read RUNNING rows (and nothing else). */
    public Uni<List<StaleRow>> findStale(Instant heartbeatBefore) {
        return find("status = ?1 and heartbeatAt < ?2", BacktestEntity.RUNNING, heartbeatBefore)
                .project(StaleRow.class)
                .list();
    }

    /** As the owner: FAILED, if it is still RUNNING with a heartbeat that has not moved since it was found stale. */
    public Uni<Integer> interrupt(UUID userId, UUID backtestId, Instant heartbeatBefore, String error, Instant now) {
        return update("status = :failed, error = :error, finishedAt = :now"
                        + " where id = :id and userId = :user and status = :running and heartbeatAt < :before",
                Parameters.with("failed", BacktestEntity.FAILED).and("error", error).and("now", now)
                        .and("id", backtestId).and("user", userId).and("running", BacktestEntity.RUNNING)
                        .and("before", heartbeatBefore));
    }

    /** A RUNNING backtest whose heartbeat stopped. */
    public record StaleRow(UUID id, UUID userId) {
    }
}
