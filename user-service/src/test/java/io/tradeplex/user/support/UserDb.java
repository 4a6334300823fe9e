package io.tradeplex.user.support;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Raw SQL through the service's own pool and role, as one user (row-level security applies as in the service). */
public final class UserDb {
    private UserDb() {
    }

    public static List<Row> query(Pool pool, UUID user, String sql, Object... params) {
        return pool.withTransaction(connection -> connection
                        .preparedQuery("select set_config('app.user_id', $1, true)").execute(Tuple.of(user.toString()))
                        .chain(() -> connection.preparedQuery(sql).execute(Tuple.from(params))))
                .map(rows -> {
                    List<Row> list = new ArrayList<>();
                    rows.forEach(list::add);
                    return list;
                })
                .await().atMost(Duration.ofSeconds(10));
    }
}
