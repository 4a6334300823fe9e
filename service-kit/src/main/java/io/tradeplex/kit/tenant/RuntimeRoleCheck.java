package io.tradeplex.kit.tenant;

import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import java.time.Duration;

/**
 * Refuses to start when the run-time connection could escape row-level security: a superuser or a BYPASSRLS role
 * ignores every policy, and a table owner can switch them off. A deployment that points the pool at the wrong
 * credentials would otherwise silently undo the isolation between users.
 */
@ApplicationScoped
public class RuntimeRoleCheck {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Pool pool;

    public RuntimeRoleCheck(Pool pool) {
        this.pool = pool;
    }

    /** Before the application's own start-up work, which already reads through this pool. */
    void verify(@Observes @Priority(Interceptor.Priority.LIBRARY_BEFORE) StartupEvent ignored) {
        Row role = pool.query("""
                        select current_user as name, rolsuper, rolbypassrls,
                               exists (select 1 from pg_tables
                                       where schemaname = 'public' and tableowner = current_user) as owns_tables
                        from pg_roles where rolname = current_user""")
                .execute().await().atMost(TIMEOUT).iterator().next();
        if (role.getBoolean("rolsuper") || role.getBoolean("rolbypassrls") || role.getBoolean("owns_tables")) {
            throw new IllegalStateException("The database role " + role.getString("name") + " can bypass row-level "
                    + "security (superuser, BYPASSRLS or table owner); connect as the application role "
                    + "(quarkus.datasource.username, tradeplex_app by default) and migrate as the owner (quarkus.flyway.username)");
        }
    }
}
