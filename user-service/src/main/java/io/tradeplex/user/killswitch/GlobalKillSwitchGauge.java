package io.tradeplex.user.killswitch;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code tradeplex.killswitch.global}: 1 while the global kill switch is on, else 0. Set at once by this instance's
 * {@link KillSwitchService#setGlobal}; read from {@code trading_controls} (no user data, no row-level security) at start
 * and every 30 s, so an instance also follows a switch another instance changed.
 */
@ApplicationScoped
public class GlobalKillSwitchGauge {
    private static final Logger LOG = Logger.getLogger(GlobalKillSwitchGauge.class);
    private static final Duration EVERY = Duration.ofSeconds(30);

    private final AtomicInteger on = new AtomicInteger();
    private final Vertx vertx;
    private final Pool pool;

    public GlobalKillSwitchGauge(Vertx vertx, Pool pool, MeterRegistry registry) {
        this.vertx = vertx;
        this.pool = pool;
        Gauge.builder("tradeplex.killswitch.global", on, AtomicInteger::get)
                .description("1 while the global kill switch halts all trading, else 0")
                .register(registry);
    }

    void start(@Observes StartupEvent ignored) {
        refresh();
        vertx.setPeriodic(EVERY.toMillis(), timer -> refresh());
    }

    /** This instance changed the switch (and its transaction committed). */
    void set(boolean active) {
        on.set(active ? 1 : 0);
    }

    private void refresh() {
        read().subscribe().with(this::set,
                failure -> LOG.warnf("Reading the global kill switch for its gauge failed, will retry: %s", failure));
    }

    Uni<Boolean> read() {
        return pool.preparedQuery("select active from trading_controls where name = $1")
                .execute(Tuple.of(TradingControl.GLOBAL))
                .map(rows -> {
                    var it = rows.iterator();
                    if (!it.hasNext()) {
                        return false;
                    }
                    Row row = it.next();
                    return Boolean.TRUE.equals(row.getBoolean("active"));
                });
    }
}
