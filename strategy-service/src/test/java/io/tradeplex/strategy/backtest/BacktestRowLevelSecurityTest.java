package io.tradeplex.strategy.backtest;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.tradeplex.kit.tenant.Tenant;
import io.tradeplex.testing.RowLevelSecurityProbe;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import static io.tradeplex.testing.RowLevelSecurityProbe.count;
import static io.tradeplex.testing.RowLevelSecurityProbe.run;
import static io.tradeplex.testing.RowLevelSecurityProbe.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The database alone keeps users' backtests apart: these queries carry no user filter of their own. */
@QuarkusTest
class BacktestRowLevelSecurityTest {
    @Inject
    BacktestRepository repository;

    @Test
    void eachUserSeesOnlyTheirOwnBacktestsAndTheBypassOnlyReadsRunningOnes() throws Throwable {
        UUID ana = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        UUID anaRunning = insert(ana, BacktestEntity.RUNNING);
        UUID anaDone = insert(ana, BacktestEntity.DONE);
        insert(bob, BacktestEntity.RUNNING);
        String both = "select count(*) from backtests where id in ('" + anaRunning + "', '" + anaDone + "')";

        assertThat(run(() -> Tenant.transaction(ana, () -> count("select count(*) from backtests")))).isEqualTo(2);
        assertThat(run(() -> Tenant.transaction(bob, () -> count("select count(*) from backtests")))).isEqualTo(1);
        assertThat(run(() -> Tenant.transaction(bob, () -> count(both)))).isZero();
        assertThat(run(() -> Panache.withTransaction(() -> count(both)))).isZero();
        assertThat(run(() -> Tenant.systemTransaction("test: read backtests across users", () -> count(both))))
                .isEqualTo(1);
        assertThat(run(() -> Tenant.systemTransaction("test: change a backtest across users", () -> update(
                "update backtests set error = 'tampered' where user_id = :user", ana)))).isZero();
        assertThat(run(() -> Tenant.transaction(bob, () -> update(
                "update backtests set error = 'tampered' where user_id = :user", ana)))).isZero();
        assertThatThrownBy(() -> insert(bob, ana)).satisfies(RowLevelSecurityProbe::isRefusedByPolicy);
    }

    private UUID insert(UUID owner, String status) throws Throwable {
        return run(() -> Tenant.transaction(owner, () -> repository.persist(row(owner, status)))).id;
    }

    /** {@code actor}'s transaction writing a row that names {@code owner}. */
    private UUID insert(UUID actor, UUID owner) throws Throwable {
        return run(() -> Tenant.transaction(actor, () -> repository.persist(row(owner, BacktestEntity.RUNNING)))).id;
    }

    private static BacktestEntity row(UUID owner, String status) {
        BacktestEntity row = new BacktestEntity();
        row.id = UUID.randomUUID();
        row.userId = owner;
        row.template = "sma-crossover";
        row.request = "{}";
        row.status = status;
        row.progress = BacktestEntity.DONE.equals(status) ? BigDecimal.ONE : BigDecimal.ZERO;
        row.result = BacktestEntity.DONE.equals(status) ? "{}" : null;
        row.createdAt = Instant.now();
        row.finishedAt = BacktestEntity.DONE.equals(status) ? row.createdAt : null;
        row.heartbeatAt = Instant.now().plusSeconds(3600);
        return row;
    }
}
