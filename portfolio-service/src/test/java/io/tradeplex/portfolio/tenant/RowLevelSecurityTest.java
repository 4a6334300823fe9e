package io.tradeplex.portfolio.tenant;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.tradeplex.kit.tenant.Tenant;
import org.hibernate.JDBCException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The database itself keeps users apart: these queries deliberately leave out any {@code user_id} filter, and run
 * through the same pool and role as the service.
 */
@QuarkusTest
class RowLevelSecurityTest {
    private static final String INSUFFICIENT_PRIVILEGE = "42501";

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
        // No path here works across users, so these tables have no bypass policy: even a system transaction sees nothing.
        assertThat(run(() -> Tenant.systemTransaction("test: there is no bypass in portfolio-service",
                () -> count("select count(*) from trades")))).isZero();
    }

    @Test
    void theApplicationRoleIsNeitherOwnerNorSuperuserNorBypassRls() throws Throwable {
        Object[] role = run(() -> Panache.withSession(() -> row(
                "select current_user::text, rolsuper, rolbypassrls from pg_roles where rolname = current_user")));
        assertThat(role).containsExactly("tradeplex_app", false, false);

        assertThat(run(() -> Panache.withSession(() -> texts(
                "select distinct tableowner::text from pg_tables where schemaname = 'public'"))))
                .containsExactly("tradeplex");
        // Every table with a user_id column is protected, including any a later migration adds.
        assertThat(run(() -> Panache.withSession(() -> texts("""
                select c.relname::text from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = 'public' and c.relkind = 'r' and not (c.relrowsecurity and c.relforcerowsecurity)
                  and exists (select 1 from pg_attribute a
                              where a.attrelid = c.oid and a.attname = 'user_id' and not a.attisdropped)"""))))
                .isEmpty();
        // The outbox relay and the inbox work across users by design: no policies there.
        assertThat(run(() -> Panache.withSession(() -> texts(
                "select relname::text from pg_class where relname in ('outbox', 'inbox') and relrowsecurity"))))
                .isEmpty();
        assertThat(run(() -> Panache.withSession(() -> row(
                "select has_table_privilege('flyway_schema_history', 'select'), has_table_privilege('trades', 'truncate')"))))
                .containsExactly(false, false);
    }

    @Test
    void writesForAnotherUserAreRefusedOrFindNothing() throws Throwable {
        UUID ana = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        run(() -> Tenant.transaction(ana, () -> insertPosition(ana)));

        assertThatThrownBy(() -> run(() -> Tenant.transaction(bob, () -> insertTrade(ana))))
                .satisfies(RowLevelSecurityTest::isRefusedByPolicy);
        assertThatThrownBy(() -> run(() -> Tenant.transaction(bob, () -> insertPosition(ana))))
                .satisfies(RowLevelSecurityTest::isRefusedByPolicy);
        assertThat(run(() -> Tenant.transaction(bob, () -> update(
                "update positions set quantity = 0 where user_id = :user", ana)))).isZero();
        assertThat(run(() -> Tenant.transaction(bob, () -> update("delete from positions where user_id = :user", ana))))
                .isZero();
        // Moving one's own row to another user is a write of the other user's row, and refused too.
        assertThatThrownBy(() -> run(() -> Tenant.transaction(ana, () -> update(
                "update positions set user_id = gen_random_uuid() where user_id = :user", ana))))
                .satisfies(RowLevelSecurityTest::isRefusedByPolicy);

        assertThat(run(() -> Tenant.transaction(ana, () -> count(
                "select count(*) from positions where quantity = 1")))).isEqualTo(1);
    }

    private static <T> T run(Supplier<Uni<T>> work) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(work);
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

    private static Uni<Integer> update(String sql, UUID user) {
        return Panache.getSession().chain(session -> session.createNativeQuery(sql)
                .setParameter("user", user).executeUpdate());
    }

    private static Uni<Long> count(String sql) {
        return Panache.getSession().chain(session -> session.createNativeQuery(sql, Long.class).getSingleResult());
    }

    private static Uni<Object[]> row(String sql) {
        return Panache.getSession().chain(session -> session.createNativeQuery(sql, Object[].class).getSingleResult());
    }

    private static Uni<List<String>> texts(String sql) {
        return Panache.getSession().chain(session -> session.createNativeQuery(sql, String.class).getResultList());
    }

    /** Hibernate reports the server's error as a JDBCException carrying its SQL state, whatever the driver. */
    private static void isRefusedByPolicy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof JDBCException jdbc && INSUFFICIENT_PRIVILEGE.equals(jdbc.getSQLState())) {
                assertThat(jdbc.getMessage()).contains("violates row-level security policy");
                return;
            }
        }
        throw new AssertionError("not refused by a row-level security policy", failure);
    }
}
