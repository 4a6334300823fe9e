package io.tradeplex.portfolio.tenant;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tradeplex.kit.tenant.Tenant;
import io.tradeplex.testing.RowLevelSecurityProbe;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.tradeplex.testing.RowLevelSecurityProbe.run;
import static io.tradeplex.testing.RowLevelSecurityProbe.count;
import static io.tradeplex.testing.RowLevelSecurityProbe.update;
import static io.tradeplex.testing.RowLevelSecurityProbe.assertApplicationRoleCannotBypass;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The database itself keeps users apart: these queries deliberately leave out any {@code user_id} filter, and run
 * through the same pool and role as the service.
 */
@QuarkusTest
class RowLevelSecurityTest {
    @Test
    void rowLevelSecurityAloneStopsACrossTenantReadWhenTheQueryOmitsTheUserFilter() throws Throwable {
        UUID ana = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        run(() -> Tenant.transaction(ana, () -> insertPosition(ana).chain(() -> insertTrade(ana)).chain(() -> insertTrade(ana))));
        run(() -> Tenant.transaction(bob, () -> insertTrade(bob)));

        assertThat(run(() -> Tenant.transaction(ana, () -> count("select count(*) from trades")))).isEqualTo(2);
        assertThat(run(() -> Tenant.transaction(ana, () -> count("select count(*) from positions")))).isEqualTo(1);
        assertThat(run(() -> Tenant.transaction(bob, () -> count("select count(*) from trades")))).isEqualTo(1);
        assertThat(run(() -> Tenant.transaction(bob, () -> count("select count(*) from positions")))).isZero();
        assertThat(run(() -> Tenant.transaction(UUID.randomUUID(), () -> count("select count(*) from trades")))).isZero();

        // No user set at all: nothing, although the tables hold every test run's portfolio.
        assertThat(run(() -> Panache.withTransaction(() -> count("select count(*) from trades")))).isZero();
        assertThat(run(() -> Panache.withSession(() -> count("select count(*) from positions")))).isZero();
        // Only the daily P&L tracker reads across users, and only positions and days: trades have no bypass policy, so
        // even a system transaction sees none.
        assertThat(run(() -> Tenant.systemTransaction("test: trades have no bypass",
                () -> count("select count(*) from trades")))).isZero();
    }

    @Test
    void theApplicationRoleIsNeitherOwnerNorSuperuserNorBypassRls() throws Throwable {
        assertApplicationRoleCannotBypass("trades");
    }

    @Test
    void writesForAnotherUserAreRefusedOrFindNothing() throws Throwable {
        UUID ana = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        run(() -> Tenant.transaction(ana, () -> insertPosition(ana)));

        assertThatThrownBy(() -> run(() -> Tenant.transaction(bob, () -> insertTrade(ana))))
                .satisfies(RowLevelSecurityProbe::isRefusedByPolicy);
        assertThatThrownBy(() -> run(() -> Tenant.transaction(bob, () -> insertPosition(ana))))
                .satisfies(RowLevelSecurityProbe::isRefusedByPolicy);
        assertThat(run(() -> Tenant.transaction(bob, () -> update(
                "update positions set quantity = 0 where user_id = :user", ana)))).isZero();
        assertThat(run(() -> Tenant.transaction(bob, () -> update("delete from positions where user_id = :user", ana))))
                .isZero();
        // Moving one's own row to another user is a write of the other user's row, and refused too.
        assertThatThrownBy(() -> run(() -> Tenant.transaction(ana, () -> update(
                "update positions set user_id = gen_random_uuid() where user_id = :user", ana))))
                .satisfies(RowLevelSecurityProbe::isRefusedByPolicy);

        assertThat(run(() -> Tenant.transaction(ana, () -> count(
                "select count(*) from positions where quantity = 1")))).isEqualTo(1);
    }

    private static Uni<Integer> insertPosition(UUID owner) {
        return update("""
                insert into positions (user_id, account_id, symbol, quantity, avg_price, realized_pnl, fees, updated_at)
                values (:user, gen_random_uuid(), 'RLS-USD', 1, 1, 0, 0, now())""", owner);
    }

    private static Uni<Integer> insertTrade(UUID owner) {
        return update("""
                insert into trades (user_id, account_id, broker, fill_id, order_id, symbol, side, quantity, price, fee,
                                    fee_currency, closed_quantity, realized_pnl, executed_at, event_id)
                values (:user, gen_random_uuid(), 'rls-test', 'rls-' || gen_random_uuid(), gen_random_uuid(), 'RLS-USD',
                        'BUY', 1, 1, 0, 'USD', 0, 0, now(), 'rls-' || gen_random_uuid())""", owner);
    }
}
