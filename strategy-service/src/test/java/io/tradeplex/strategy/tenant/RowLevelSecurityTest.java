package io.tradeplex.strategy.tenant;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * strategy-service holds no user data yet (quotes are the same for everyone), so it has no policies; it still runs as
 * the application role, and the guard below makes the first table with a {@code user_id} column need them.
 */
@QuarkusTest
class RowLevelSecurityTest {

    @Test
    void theApplicationRoleIsNeitherOwnerNorSuperuserNorBypassRls() throws Throwable {
        Object[] role = run(() -> Panache.withSession(() -> row(
                "select current_user::text, rolsuper, rolbypassrls from pg_roles where rolname = current_user")));
        assertThat(role).containsExactly("tradeplex_app", false, false);

        assertThat(run(() -> Panache.withSession(() -> texts(
                "select distinct tableowner::text from pg_tables where schemaname = 'public'"))))
                .containsExactly("tradeplex");
        assertThat(run(() -> Panache.withSession(() -> texts("""
                select c.relname::text from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = 'public' and c.relkind = 'r' and not (c.relrowsecurity and c.relforcerowsecurity)
                  and exists (select 1 from pg_attribute a
                              where a.attrelid = c.oid and a.attname = 'user_id' and not a.attisdropped)"""))))
                .isEmpty();
        assertThat(run(() -> Panache.withSession(() -> row(
                "select has_table_privilege('flyway_schema_history', 'select'), has_table_privilege('quotes', 'truncate'), "
                        + "has_table_privilege('quotes', 'insert')"))))
                .containsExactly(false, false, true);
    }

    private static <T> T run(Supplier<Uni<T>> work) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(work);
    }

    private static Uni<Object[]> row(String sql) {
        return Panache.getSession().chain(session -> session.createNativeQuery(sql, Object[].class).getSingleResult());
    }

    private static Uni<List<String>> texts(String sql) {
        return Panache.getSession().chain(session -> session.createNativeQuery(sql, String.class).getResultList());
    }
}
