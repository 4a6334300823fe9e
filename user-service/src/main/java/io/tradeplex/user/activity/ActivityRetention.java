package io.tradeplex.user.activity;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.tradeplex.kit.tenant.Tenant;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Deletes activity older than {@code tradeplex.activity.retention}, whole UTC days at a time, once at start and then
 * every day. The only delete the table allows (see V9__activity.sql): under the bypass, and only rows older than the
 * bound this class sets in the same transaction.
 */
@ApplicationScoped
public class ActivityRetention {
    private static final Logger LOG = Logger.getLogger(ActivityRetention.class);
    private static final long DAY_MILLIS = Duration.ofDays(1).toMillis();

    private final Duration retention;
    private final ActivityRepository activity;
    private final Clock clock = Clock.systemUTC();
    private long timer = -1;

    public ActivityRetention(@ConfigProperty(name = "tradeplex.activity.retention", defaultValue = "400d") Duration retention,
                             ActivityRepository activity) {
        if (retention.compareTo(Duration.ofDays(1)) < 0) {
            throw new IllegalArgumentException("tradeplex.activity.retention must be at least one day");
        }
        this.retention = retention;
        this.activity = activity;
    }

    void schedule(@Observes StartupEvent started, Vertx vertx) {
        // A daily timer rather than a scheduler extension: one job, no cron, and a restart runs it again anyway.
        vertx.setTimer(Duration.ofMinutes(1).toMillis(), first -> pruneNow(vertx));
        timer = vertx.setPeriodic(DAY_MILLIS, id -> pruneNow(vertx));
    }

    void stop(@Observes ShutdownEvent stopping, Vertx vertx) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    private void pruneNow(Vertx vertx) {
        // Hibernate Reactive runs only on a duplicated context marked safe, which a bare timer is not.
        Context context = VertxContext.getOrCreateDuplicatedContext(vertx);
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> prune(clock.instant()).subscribe().with(
                deleted -> LOG.infof("Activity retention: deleted %d entries older than %s", deleted, retention),
                failure -> LOG.warn("Activity retention failed; it runs again tomorrow", failure)));
    }

    /** Deletes every entry of the days that ended more than the retention before {@code now}; returns how many. */
    public Uni<Long> prune(Instant now) {
        Instant cutoff = cutoff(now);
        return Tenant.systemTransaction("activity retention deletes days past retention", () -> Panache.getSession()
                .chain(session -> session.createSelectionQuery("select function('set_config', :setting, :value, true)",
                                String.class)
                        .setParameter("setting", "app.activity_prune_before")
                        .setParameter("value", cutoff.toString())
                        .getSingleResult())
                .chain(ignored -> activity.deleteBefore(cutoff)));
    }

    /** The start of the oldest UTC day still kept: a day goes only once all of it is past retention. */
    Instant cutoff(Instant now) {
        return now.minus(retention).atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).toInstant();
    }
}
