package io.tradeplex.strategy.market;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.tradeplex.kit.context.DuplicatedContexts.onNewDuplicatedContext;

/**
 * Writes the latest quote of each symbol to the quotes table every {@code tradeplex.market.quotes.store-every}
 * rather than on every tick. The table only lets a restarted service answer at once and the simulated feed resume
 * its walk, so a second's staleness there costs nothing, whereas a transaction per tick would make the database the
 * limit of the tick rate (50 symbols at 10 ticks/s is 500 a second).
 */
@ApplicationScoped
public class QuoteStore {
    private static final Logger LOG = Logger.getLogger(QuoteStore.class);
    private static final Duration FINAL_WRITE = Duration.ofSeconds(5);

    private final Map<String, Quote> pending = new ConcurrentHashMap<>();
    private final AtomicBoolean writing = new AtomicBoolean();
    private final OutageLog outage = new OutageLog(LOG, "Storing quotes");
    private final QuoteRepository repository;
    private final Vertx vertx;
    private final Duration every;

    public QuoteStore(QuoteRepository repository, Vertx vertx,
                      @ConfigProperty(name = "tradeplex.market.quotes.store-every", defaultValue = "PT1S")
                      Duration every) {
        this.repository = repository;
        this.vertx = vertx;
        this.every = every;
    }

    void start(@Observes StartupEvent ignored) {
        vertx.setPeriodic(every.toMillis(), timer -> {
            // A write that outlasts the period (a slow database) is not overlapped by the next.
            if (writing.compareAndSet(false, true)) {
                store().subscribe().with(done -> writing.set(false), failure -> writing.set(false));
            }
        });
    }

    void stop(@Observes ShutdownEvent ignored) {
        try {
            store().await().atMost(FINAL_WRITE);
        } catch (RuntimeException failure) {
            LOG.warnf("The last quotes were not stored before shutdown: %s", failure.toString());
        }
    }

    /** Queues the quote, replacing an older one of its symbol that is not yet written. */
    public void offer(Quote quote) {
        pending.merge(quote.symbol(), quote, (held, offered) -> offered.isNewerThan(held) ? offered : held);
    }

    /** Writes what is queued in one transaction; on failure it stays queued, unless a newer quote came meanwhile. */
    public Uni<Void> store() {
        List<Quote> batch = List.copyOf(pending.values());
        if (batch.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        batch.forEach(quote -> pending.remove(quote.symbol(), quote));
        return onNewDuplicatedContext(vertx, () -> Panache.withTransaction(() -> {
                    Uni<Void> writes = Uni.createFrom().voidItem();
                    for (Quote quote : batch) {
                        writes = writes.chain(() -> repository.upsert(quote));
                    }
                    return writes;
                }))
                .invoke(outage::succeeded)
                .onFailure().invoke(failure -> {
                    outage.failed(failure);
                    batch.forEach(this::offer);
                })
                .replaceWithVoid();
    }
}
