package io.tradeplex.auth.session;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.tradeplex.auth.token.TokenConfig;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code tradeplex.sessions.active}: the sessions of all users that are live (not revoked, not expired, not idle past
 * the idle timeout), counted at start and every 30 s. The count comes from V5's {@code live_session_count}, which
 * hands the run-time role a number and never a row: no user's sessions become readable across users. Every instance
 * counts the same table: dashboards take {@code max}, not {@code sum}.
 */
@ApplicationScoped
public class ActiveSessionsGauge {
    private static final Logger LOG = Logger.getLogger(ActiveSessionsGauge.class);
    private static final Duration EVERY = Duration.ofSeconds(30);

    private final AtomicLong active = new AtomicLong();
    private final Vertx vertx;
    private final Pool pool;
    private final Clock clock;
    private final Duration idleTimeout;

    public ActiveSessionsGauge(Vertx vertx, Pool pool, Clock clock, TokenConfig config, MeterRegistry registry) {
        this.vertx = vertx;
        this.pool = pool;
        this.clock = clock;
        this.idleTimeout = config.sessionIdleTimeout();
        Gauge.builder("tradeplex.sessions.active", active, AtomicLong::get)
                .description("Live login sessions (not revoked, not expired, not idle-expired) of all users")
                .register(registry);
    }

    void start(@Observes StartupEvent ignored) {
        refresh();
        vertx.setPeriodic(EVERY.toMillis(), timer -> refresh());
    }

    private void refresh() {
        count().subscribe().with(active::set,
                failure -> LOG.warnf("Counting live sessions failed, will retry: %s", failure.toString()));
    }

    Uni<Long> count() {
        Instant now = clock.instant();
        return pool.preparedQuery("select live_session_count($1, $2) as live")
                .execute(Tuple.of(now.atOffset(ZoneOffset.UTC), now.minus(idleTimeout).atOffset(ZoneOffset.UTC)))
                .map(rows -> rows.iterator().next().getLong("live"));
    }
}
