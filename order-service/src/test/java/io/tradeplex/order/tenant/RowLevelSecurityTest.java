package io.tradeplex.order.tenant;

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
import static io.tradeplex.testing.RowLevelSecurityProbe.row;
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
        run(() -> Tenant.transaction(ana, () -> insertOrder(ana).chain(() -> insertOrder(ana)).chain(() -> fillAllOrders(ana))));
        run(() -> Tenant.transaction(bob, () -> insertOrder(bob)));

        assertThat(run(() -> Tenant.transaction(ana, () -> count("select count(*) from orders")))).isEqualTo(2);
        assertThat(run(() -> Tenant.transaction(ana, () -> count("select count(*) from fills")))).isEqualTo(2);
        assertThat(run(() -> Tenant.transaction(bob, () -> count("select count(*) from orders")))).isEqualTo(1);
        assertThat(run(() -> Tenant.transaction(bob, () -> count("select count(*) from fills")))).isZero();
        assertThat(run(() -> Tenant.transaction(UUID.randomUUID(), () -> count("select count(*) from orders")))).isZero();

        // No user set at all: nothing, although the table holds every test run's orders.
        assertThat(run(() -> Panache.withTransaction(() -> count("select count(*) from orders")))).isZero();
        assertThat(run(() -> Panache.withSession(() -> count("select count(*) from fills")))).isZero();
        // The read-only system bypass does see them.
        assertThat(run(() -> Tenant.systemTransaction("test: count orders across users",
                () -> count("select count(*) from orders")))).isGreaterThanOrEqualTo(3);
    }

    @Test
    void theUserSettingEndsWithItsTransactionEvenOnTheSameConnection() throws Throwable {
        UUID ana = UUID.randomUUID();
        run(() -> Tenant.transaction(ana, () -> insertOrder(ana)));

        // One session keeps one connection: the second transaction is the next borrower of the first one's connection.
        Object[][] seen = run(() -> Panache.withSession(() -> Panache.withTransaction(() -> Panache.getSession()
                        .chain(session -> session.createNativeQuery("select set_config('app.user_id', :user, true)")
                                .setParameter("user", ana.toString()).getSingleResult())
                        .chain(() -> row("select pg_backend_pid(), current_setting('app.user_id', true), "
                                + "(select count(*) from orders)")))
                .chain(first -> Panache.withTransaction(() -> row("select pg_backend_pid(), "
                        + "current_setting('app.user_id', true), (select count(*) from orders)"))
                        .map(second -> new Object[][] {first, second}))));

        assertThat(seen[0]).containsExactly(seen[0][0], ana.toString(), 1L);
        assertThat(seen[1]).containsExactly(seen[0][0], "", 0L);
    }

    @Test
    void theApplicationRoleIsNeitherOwnerNorSuperuserNorBypassRls() throws Throwable {
        assertApplicationRoleCannotBypass("orders");
    }

    @Test
    void writesForAnotherUserAreRefusedOrFindNothing() throws Throwable {
        UUID ana = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        run(() -> Tenant.transaction(ana, () -> insertOrder(ana)));

        assertThatThrownBy(() -> run(() -> Tenant.transaction(bob, () -> insertOrder(ana))))
                .satisfies(RowLevelSecurityProbe::isRefusedByPolicy);
        assertThat(run(() -> Tenant.transaction(bob, () -> update(
                "update orders set reject_reason = 'tampered' where user_id = :user", ana)))).isZero();
        assertThat(run(() -> Tenant.transaction(bob, () -> update("delete from orders where user_id = :user", ana))))
                .isZero();
        // The bypass is read-only.
        assertThatThrownBy(() -> run(() -> Tenant.systemTransaction("test: a write through the read-only bypass",
                () -> insertOrder(ana))))
                .satisfies(RowLevelSecurityProbe::isRefusedByPolicy);
        assertThat(run(() -> Tenant.systemTransaction("test: an update through the read-only bypass", () -> update(
                "update orders set reject_reason = 'tampered' where user_id = :user", ana)))).isZero();

        assertThat(run(() -> Tenant.transaction(ana, () -> count(
                "select count(*) from orders where reject_reason is null")))).isEqualTo(1);
    }

    @Test
    void aTenantTransactionCannotBeNestedToSwitchUsersMidway() {
        UUID ana = UUID.randomUUID();
        assertThatThrownBy(() -> run(() -> Tenant.transaction(ana,
                () -> Tenant.transaction(UUID.randomUUID(), () -> count("select count(*) from orders")))))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> run(() -> Panache.withSession(
                () -> Tenant.systemTransaction("test: nested bypass", () -> count("select count(*) from orders")))))
                .isInstanceOf(IllegalStateException.class);
    }

    /** An inert order (final status, no broker adapter) owned by {@code owner}. */
    private static Uni<Integer> insertOrder(UUID owner) {
        return update("""
                insert into orders (id, user_id, account_id, broker, client_order_id, symbol, side, type, quantity, status,
                                    origin, created_at, updated_at)
                values (gen_random_uuid(), :user, gen_random_uuid(), 'rls-test', 'rls-' || gen_random_uuid(), 'RLS-USD',
                        'BUY', 'MARKET', 1, 'CANCELLED', 'test', now(), now())""", owner);
    }

    /** One fill for each order the current transaction can see of {@code owner}. */
    private static Uni<Integer> fillAllOrders(UUID owner) {
        return update("""
                insert into fills (id, order_id, user_id, broker, fill_id, quantity, price, fee, fee_currency, executed_at)
                select gen_random_uuid(), id, user_id, broker, 'rls-' || gen_random_uuid(), 1, 1, 0, 'USD', now()
                from orders where user_id = :user""", owner);
    }
}
