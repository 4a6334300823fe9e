package io.tradeplex.testing;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import org.hibernate.JDBCException;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Raw SQL through a service's own pool and role, for tests proving that the database alone keeps users apart:
 * the queries here deliberately carry no user filter of their own.
 */
public final class RowLevelSecurityProbe {
    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    private RowLevelSecurityProbe() {
    }

    /** Runs reactive database work on a Vert.x context, as the service would, and waits for it. */
    public static <T> T run(Supplier<Uni<T>> work) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(work);
    }

    public static Uni<Long> count(String sql) {
        return Panache.getSession().chain(session -> session.createNativeQuery(sql, Long.class).getSingleResult());
    }

    /** @param sql with a {@code :user} parameter */
    public static Uni<Integer> update(String sql, UUID user) {
        return Panache.getSession().chain(session -> session.createNativeQuery(sql)
                .setParameter("user", user).executeUpdate());
    }

    public static Uni<Object[]> row(String sql) {
        return Panache.getSession().chain(session -> session.createNativeQuery(sql, Object[].class).getSingleResult());
    }

    public static Uni<List<String>> texts(String sql) {
        return Panache.getSession().chain(session -> session.createNativeQuery(sql, String.class).getResultList());
    }

    /**
     * The service's posture: it runs as {@code tradeplex_app}, which is neither superuser nor BYPASSRLS and owns no
     * table; every table with a {@code user_id} column (and each of {@code keyedById}, whose own id is the user's) is
     * forced under row-level security; the outbox and inbox, which work across users by design, have no policies;
     * the role cannot read Flyway's history nor truncate {@code sampleTable}.
     */
    public static void assertApplicationRoleCannotBypass(String sampleTable, String... keyedById) throws Throwable {
        Object[] role = run(() -> Panache.withSession(() -> row(
                "select current_user::text, rolsuper, rolbypassrls from pg_roles where rolname = current_user")));
        assertThat(role).containsExactly("tradeplex_app", false, false);
        assertThat(run(() -> Panache.withSession(() -> texts(
                "select distinct tableowner::text from pg_tables where schemaname = 'public'"))))
                .containsExactly("tradeplex");
        String byId = Arrays.stream(keyedById).map(table -> "'" + table.replace("'", "") + "'")
                .reduce((a, b) -> a + ", " + b).orElse("''");
        assertThat(run(() -> Panache.withSession(() -> texts("""
                select c.relname::text from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = 'public' and c.relkind = 'r' and not (c.relrowsecurity and c.relforcerowsecurity)
                  and (c.relname in (%s) or exists (select 1 from pg_attribute a
                       where a.attrelid = c.oid and a.attname = 'user_id' and not a.attisdropped))""".formatted(byId)))))
                .as("tables holding user data without forced row-level security")
                .isEmpty();
        assertThat(run(() -> Panache.withSession(() -> texts(
                "select relname::text from pg_class where relname in ('outbox', 'inbox') and relrowsecurity"))))
                .isEmpty();
        assertThat(run(() -> Panache.withSession(() -> row("select has_table_privilege('flyway_schema_history', 'select'), "
                + "has_table_privilege('" + sampleTable.replace("'", "") + "', 'truncate')"))))
                .containsExactly(false, false);
    }

    /** Hibernate reports the server's error as a JDBCException carrying its SQL state, whatever the driver. */
    public static void isRefusedByPolicy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof JDBCException jdbc && INSUFFICIENT_PRIVILEGE.equals(jdbc.getSQLState())) {
                assertThat(jdbc.getMessage()).contains("violates row-level security policy");
                return;
            }
        }
        throw new AssertionError("not refused by a row-level security policy", failure);
    }
}
