package io.tradeplex.auth.throttle;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;

/**
 * Deletes throttling rows nobody has touched for {@code forget-after}: they no longer throttle anything, and guesses
 * at random emails would otherwise grow the table without bound. Every instance may run it; the delete is idempotent.
 */
@ApplicationScoped
public class ThrottleJanitor {
    private static final Logger LOG = Logger.getLogger(ThrottleJanitor.class);
    private static final Duration EVERY = Duration.ofMinutes(10);

    private final Vertx vertx;
    private final Pool pool;
    private final Clock clock;
    private final Duration forgetAfter;

    public ThrottleJanitor(Vertx vertx, Pool pool, Clock clock, LoginThrottleConfig config) {
        this.vertx = vertx;
        this.pool = pool;
        this.clock = clock;
        this.forgetAfter = config.forgetAfter();
    }

    void start(@Observes StartupEvent ignored) {
        vertx.setPeriodic(EVERY.toMillis(), timer -> sweep().subscribe().with(
                deleted -> LOG.debugf("Forgot %d idle login-throttle keys", deleted),
                failure -> LOG.warnf("Login-throttle clean-up failed, will retry: %s", failure.toString())));
    }

    /** @return how many rows were deleted */
    Uni<Integer> sweep() {
        return pool.preparedQuery("delete from login_throttles where updated_at < $1")
                .execute(Tuple.of(clock.instant().minus(forgetAfter).atOffset(ZoneOffset.UTC)))
                .map(rows -> rows.rowCount());
    }
}
