package io.tradeplex.order.reconcile;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.tradeplex.kit.tenant.Tenant;
import io.tradeplex.order.execution.OpenOrder;
import io.tradeplex.order.order.OrderRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Keeps our orders in line with the brokers', for the users this instance owns (see {@link CommandPartitions}):
 * <ul>
 *   <li>when it comes to own a user's partition — at start, and when another instance leaves — their uncertain orders
 *       are reconciled at once: after a crash, an order marked SENDING may be filled at the broker;</li>
 *   <li>every {@code interval}, the uncertain orders that are still so (a broker that could not answer), and accepted
 *       orders a crash left unrouted;</li>
 *   <li>every {@code resting-interval}, orders resting at brokers that keep their own state ({@code resting-brokers}),
 *       which may fill or be cancelled there; a few per account per poll, the ones looked at longest ago first (the
 *       lookups also go through the broker traffic control, within each account's and egress' budget).</li>
 * </ul>
 * Lookups never send an order again blindly, and fills are unique by the broker's fill id, so two runs over the same
 * order (the timer and an assignment, or two instances during a rebalance) apply each fill once.
 */
@ApplicationScoped
public class ReconciliationDriver {
    private static final Logger LOG = Logger.getLogger(ReconciliationDriver.class);

    private final Reconciliation reconciliation;
    private final OrderRepository orders;
    private final CommandPartitions partitions;
    private final ReconciliationConfig config;
    private final AtomicBoolean sweeping = new AtomicBoolean();
    private final AtomicBoolean polling = new AtomicBoolean();
    private final Map<UUID, Instant> lastPolled = new ConcurrentHashMap<>();
    private ScheduledExecutorService timer;

    public ReconciliationDriver(Reconciliation reconciliation, OrderRepository orders,
                                CommandPartitions partitions, ReconciliationConfig config) {
        this.reconciliation = reconciliation;
        this.orders = orders;
        this.partitions = partitions;
        this.config = config;
    }

    void start(@Observes StartupEvent ignored) {
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> new Thread(runnable, "reconciliation-timer"));
        every(config.interval(), () -> runAlone(sweeping, "sweep", this::sweep));
        every(config.restingInterval(), () -> runAlone(polling, "resting poll", this::pollResting));
    }

    void stop(@Observes ShutdownEvent ignored) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    /** Runs on the Kafka consumer's thread, which must not wait: the reconciliation goes on in the background. */
    void onAssigned(@Observes PartitionsAssigned assigned) {
        run("reconciliation of newly owned users", () -> sweep(user -> partitions.inPartitions(user, assigned.partitions()),
                Instant.now()));
    }

    /** @return how many orders were reconciled */
    public Uni<Integer> sweep() {
        return sweep(partitions::owns, Instant.now().minus(config.strandedAfter()));
    }

    /**
     * @param strandedBefore accepted orders not yet routed since before this are routed now; at an assignment every one
     *                       is, as nothing of the new owner's is in flight for users it did not own
     */
    private Uni<Integer> sweep(Predicate<UUID> users, Instant strandedBefore) {
        return Tenant.systemTransaction("reconciliation: every user's uncertain orders",
                        () -> orders.toReconcile(strandedBefore))
                .map(found -> found.stream().map(OpenOrder::of).filter(order -> users.test(order.userId())).toList())
                .call(owned -> reconciliation.reconcileAll(owned))
                .map(List::size);
    }

    /** @return how many orders were looked up */
    public Uni<Integer> pollResting() {
        return Tenant.systemTransaction("reconciliation: every user's orders resting at a broker",
                        () -> orders.restingAt(config.restingBrokers()))
                .map(found -> withinBudget(found.stream().map(OpenOrder::of)
                        .filter(order -> partitions.owns(order.userId())).toList()))
                .call(chosen -> reconciliation.reconcileAll(chosen)
                        .invoke(() -> chosen.forEach(order -> lastPolled.put(order.orderId(), Instant.now()))))
                .map(List::size);
    }

    /** A few orders per broker account, those looked at longest ago (or never) first; forgets orders no longer resting. */
    private List<OpenOrder> withinBudget(List<OpenOrder> resting) {
        Set<UUID> ids = resting.stream().map(OpenOrder::orderId).collect(Collectors.toSet());
        lastPolled.keySet().retainAll(ids);
        Comparator<OpenOrder> longestAgo = Comparator.comparing(order -> lastPolled.getOrDefault(order.orderId(), Instant.MIN));
        return resting.stream()
                .collect(Collectors.groupingBy(OpenOrder::accountId))
                .values().stream()
                .flatMap(ofAccount -> ofAccount.stream().sorted(longestAgo).limit(config.restingPerAccount()))
                .toList();
    }

    /** The timer only starts passes, each on a Vert.x context of its own (see {@link #run}); it never waits for one. */
    private void every(Duration interval, Runnable task) {
        if (!interval.isZero()) {
            timer.scheduleAtFixedRate(task, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** A pass still running when the timer fires again is not started twice. */
    private void runAlone(AtomicBoolean running, String what, Supplier<Uni<Integer>> pass) {
        if (running.compareAndSet(false, true)) {
            run(what, () -> pass.get().eventually(() -> running.set(false)));
        }
    }

    /**
     * On a new Vert.x context of its own, as database sessions need one (so it must be called off the event loop); a
     * failure is logged and the next pass retries.
     */
    private void run(String what, Supplier<Uni<Integer>> pass) {
        VertxContextSupport.subscribe(() -> pass.get().toMulti(), subscribe -> subscribe.with(
                count -> LOG.debugf("Reconciliation (%s): %d orders looked at", what, count),
                failure -> LOG.warnf("Reconciliation (%s) failed, the next pass retries: %s", what, failure.toString())));
    }
}
