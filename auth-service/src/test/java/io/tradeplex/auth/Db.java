package io.tradeplex.auth;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

import java.time.Duration;
import java.util.UUID;

/**
 * Direct SQL for tests, under row-level security like the service: a transaction sees only the rows of the user it
 * names first, or, with the read-only bypass, finds rows by something other than their user (an email).
 */
public final class Db {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private Db() {
    }

    /** As {@code userId}: reads and writes only that user's rows. */
    public static RowSet<Row> asUser(Pool pool, UUID userId, String sql, Tuple parameters) {
        return inTransaction(pool, "app.user_id", userId.toString(), sql, parameters);
    }

    /** Through the bypass policies, which allow reading only (e.g. an account by its email). */
    public static RowSet<Row> lookup(Pool pool, String sql, Tuple parameters) {
        return inTransaction(pool, "app.rls_bypass", "on", sql, parameters);
    }

    /** The first row, or null. */
    public static Row first(RowSet<Row> rows) {
        return rows.iterator().hasNext() ? rows.iterator().next() : null;
    }

    private static RowSet<Row> inTransaction(Pool pool, String setting, String value, String sql, Tuple parameters) {
        return pool.withTransaction(connection -> connection
                        .preparedQuery("select set_config($1, $2, true)").execute(Tuple.of(setting, value))
                        .chain(() -> connection.preparedQuery(sql).execute(parameters)))
                .await().atMost(TIMEOUT);
    }
}
