package io.tradeplex.order.broker.traffic;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.mutiny.Uni;
import io.tradeplex.contracts.users.UserState;
import io.tradeplex.order.broker.traffic.TrafficScheduler.Draw;
import io.tradeplex.order.user.UserStates;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.core.http.HttpClientResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.util.TypeLiteral;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Every HTTP call to a live broker goes through here, in this order:
 * <ol>
 *     <li>the account's circuit breaker: open after repeated failures, it refuses at once and nothing is sent
 *     ({@code BROKER_CIRCUIT_OPEN});</li>
 *     <li>the rate limits: the account's order and request windows and the egress's request weight (shared by every
 *     account behind that address), waiting in a fair queue, never dropped ({@link TrafficScheduler});</li>
 *     <li>the broker's bulkhead (calls in flight) and the call's timeout;</li>
 *     <li>the request, over the HTTP client of the account's egress (proxy / source address);</li>
 *     <li>a 429 or 418 pauses the budget for Retry-After and puts the call back at the head of its queue: the broker
 *     did not execute it, so it is sent again, re-signed, with the same client order id;</li>
 *     <li>no answer or a 5xx is a failure for the breaker and, for queries only, is retried.</li>
 * </ol>
 * The answer (5xx and "no answer" included, since an order's fate is then unknown and its adapter must look it up)
 * continues on the caller's Vert.x context. A call that was not sent fails with {@link BrokerTrafficException}.
 */
@ApplicationScoped
public class BrokerTraffic {
    private static final Logger LOG = Logger.getLogger(BrokerTraffic.class);
    private static final TypeLiteral<Uni<HttpAnswer>> ANSWER = new TypeLiteral<>() {
    };
    private static final long DEFAULT_429_PAUSE_MILLIS = 1_000;
    // Binance's bans start at two minutes.
    private static final long DEFAULT_418_PAUSE_MILLIS = 120_000;

    /** No answer or a 5xx, carried through the breaker and the retry as a failure and handed back as the answer. */
    private static final class BrokerFault extends RuntimeException {
        private final HttpAnswer answer;

        BrokerFault(HttpAnswer answer) {
            super("broker answered " + answer.status(), null, false, false);
            this.answer = answer;
        }
    }

    private final TrafficScheduler scheduler;
    private final EgressClients clients;
    private final UserStates users;
    private final TrafficConfig config;
    private final MeterRegistry meters;
    private final Map<UUID, Guard> breakers = new ConcurrentHashMap<>();
    private final Map<UUID, String> openBreakers = new ConcurrentHashMap<>();
    private final Map<String, Guard> bulkheads = new ConcurrentHashMap<>();
    private final Map<String, Guard> retries = new ConcurrentHashMap<>();
    private final Set<String> gauged = ConcurrentHashMap.newKeySet();

    public BrokerTraffic(Vertx vertx, EgressClients clients, UserStates users, TrafficConfig config, MeterRegistry meters) {
        this.scheduler = new TrafficScheduler(new VertxTrafficClock(vertx), config.maxQueuedPerUser(), config.maxQueued(),
                config.maxWait().toMillis());
        this.clients = clients;
        this.users = users;
        this.config = config;
        this.meters = meters;
    }

    /**
     * At start for every broker with limits, so the circuit alert and the queue panel read 0, not "no data", until
     * a broker is first called; a broker without limits gets its gauges on its first call.
     */
    void registerGauges(@Observes StartupEvent ignored) {
        config.limits().keySet().forEach(this::gauge);
    }

    /**
     * @param request built when the call is admitted, and again if a 429 sends it back to the queue
     */
    public Uni<HttpAnswer> exchange(BrokerCall call, Supplier<OutgoingRequest> request) {
        Context caller = Vertx.currentContext();
        gauge(call.broker());
        Egress egress = egressOf(call.userId(), call.accountId());
        Supplier<Uni<HttpAnswer>> guarded = () -> breakerOf(call).get(() -> attempt(call, egress, request, -1), ANSWER);
        Uni<HttpAnswer> answer = Uni.createFrom().deferred(() -> call.kind() == BrokerCall.Kind.QUERY
                        ? retryOf(call.broker()).get(guarded, ANSWER) : guarded.get())
                .onFailure(CircuitBreakerOpenException.class).transform(open -> refused(call,
                        new BrokerTrafficException(BrokerTrafficException.CIRCUIT_OPEN, "Calls to " + call.broker()
                                + " for this account failed repeatedly; they are paused for a while and nothing was sent")))
                .onFailure(BrokerFault.class).recoverWithItem(fault -> ((BrokerFault) fault).answer);
        return caller == null ? answer : answer.emitOn(task -> caller.runOnContext(ignored -> task.run()));
    }

    /** The egress an operator pinned for this account, as user-service published it; the default route until then. */
    public Egress egressOf(UUID userId, UUID accountId) {
        return users.of(userId).flatMap(state -> state.accounts().stream()
                        .filter(account -> account.accountId().equals(accountId)).findFirst())
                .map(UserState.Account::egress).map(Egress::of).orElse(Egress.DIRECT);
    }

    private Uni<HttpAnswer> attempt(BrokerCall call, Egress egress, Supplier<OutgoingRequest> request, long enqueuedAt) {
        List<Draw> draws = drawsOf(call, egress);
        return admission(call, draws, enqueuedAt).chain(since -> bulkheadOf(call.broker())
                .get(() -> send(egress, request.get()), ANSWER)
                .onFailure(BulkheadException.class).transform(full -> refused(call, new BrokerTrafficException(
                        BrokerTrafficException.BUSY, "Too many calls to " + call.broker() + " are in flight; nothing was sent")))
                .onFailure(TimeoutException.class).recoverWithItem(HttpAnswer.NONE)
                .chain(answer -> {
                    if (answer.status() == 429 || answer.status() == 418) {
                        long pause = pauseOf(answer);
                        List<String> keys = throttledKeys(draws);
                        LOG.warnf("%s answered %d: pausing %s for %d ms, the call waits and is sent again", call.broker(),
                                answer.status(), keys, pause);
                        meters.counter("tradeplex.broker.traffic.throttled", "broker", call.broker(),
                                "status", Integer.toString(answer.status())).increment();
                        keys.forEach(key -> scheduler.pause(key, pause));
                        return attempt(call, egress, request, since);
                    }
                    if (answer.status() == 0 || answer.status() >= 500) {
                        return Uni.createFrom().failure(new BrokerFault(answer));
                    }
                    return Uni.createFrom().item(answer);
                }));
    }

    /** @return when the call first asked, which a call sent back by a 429 keeps */
    private Uni<Long> admission(BrokerCall call, List<Draw> draws, long enqueuedAt) {
        long since = enqueuedAt < 0 ? scheduler.nowMillis() : enqueuedAt;
        if (draws.isEmpty()) {
            return Uni.createFrom().item(since);
        }
        return Uni.createFrom().emitter(emitter -> {
            AtomicReference<TrafficScheduler.Ticket> ticket = new AtomicReference<>();
            emitter.onTermination(() -> {
                TrafficScheduler.Ticket waiting = ticket.get();
                if (waiting != null) {
                    waiting.cancel();
                }
            });
            TrafficScheduler.Waiter waiter = new TrafficScheduler.Waiter() {
                @Override
                public void admitted(long waitedMillis) {
                    meters.timer("tradeplex.broker.traffic.wait", "broker", call.broker())
                            .record(waitedMillis, TimeUnit.MILLISECONDS);
                    emitter.complete(since);
                }

                @Override
                public void refused(BrokerTrafficException refusal) {
                    emitter.fail(BrokerTraffic.this.refused(call, refusal));
                }
            };
            String user = call.userId().toString();
            ticket.set(enqueuedAt < 0 ? scheduler.enqueue(user, call.broker(), draws, waiter)
                    : scheduler.requeue(user, call.broker(), draws, since, waiter));
        });
    }

    private List<Draw> drawsOf(BrokerCall call, Egress egress) {
        TrafficConfig.Limits limits = config.limitsOf(call.broker());
        String account = call.broker() + ":account:" + call.accountId();
        List<Draw> draws = new ArrayList<>();
        if (call.kind() == BrokerCall.Kind.ORDER) {
            limits.accountOrders().map(Window::parseAll).filter(windows -> !windows.isEmpty())
                    .ifPresent(windows -> draws.add(new Draw(account + ":orders", windows, 1)));
        }
        limits.accountRequests().map(Window::parseAll).filter(windows -> !windows.isEmpty())
                .ifPresent(windows -> draws.add(new Draw(account + ":requests", windows, 1)));
        limits.egressWeight().map(Window::parseAll).filter(windows -> !windows.isEmpty())
                .ifPresent(windows -> draws.add(new Draw(call.broker() + ":egress:" + egress.budgetKey(), windows,
                        Math.max(1, call.weight()))));
        return draws;
    }

    /**
     * Where the broker keeps a per-IP budget (Binance's request weight), its 429s and 418 bans are about that address,
     * so the whole egress waits; our account windows already keep each account below the broker's own. A broker
     * limiting only per account (Kite) pauses just that account.
     */
    private static List<String> throttledKeys(List<Draw> draws) {
        List<String> egress = draws.stream().map(Draw::key).filter(key -> key.contains(":egress:")).toList();
        return egress.isEmpty() ? draws.stream().map(Draw::key).toList() : egress;
    }

    /** Retry-After in seconds or as an HTTP date; a missing or unreadable one gets a default pause. */
    static long pauseOf(HttpAnswer answer) {
        long fallback = answer.status() == 418 ? DEFAULT_418_PAUSE_MILLIS : DEFAULT_429_PAUSE_MILLIS;
        return answer.header("Retry-After").map(String::strip).map(value -> {
            if (value.matches("\\d{1,9}")) {
                return Long.parseLong(value) * 1000;
            }
            try {
                ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                return Math.max(0, Duration.between(ZonedDateTime.now(at.getZone()), at).toMillis());
            } catch (RuntimeException unreadable) {
                return fallback;
            }
        }).orElse(fallback);
    }

    private Uni<HttpAnswer> send(Egress egress, OutgoingRequest request) {
        return clients.of(egress).request(request.options())
                .chain(outgoing -> request.body() == null ? outgoing.send() : outgoing.send(request.body()))
                .chain(response -> response.body().map(body -> new HttpAnswer(response.statusCode(), headersOf(response),
                        body.toString())))
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("No answer from %s: %s", request.options().getHost(), failure.toString());
                    return HttpAnswer.NONE;
                });
    }

    private static Map<String, String> headersOf(HttpClientResponse response) {
        Map<String, String> headers = new HashMap<>();
        response.headers().names().forEach(name -> headers.put(name.toLowerCase(Locale.ROOT), response.getHeader(name)));
        return headers;
    }

    private BrokerTrafficException refused(BrokerCall call, BrokerTrafficException refusal) {
        meters.counter("tradeplex.broker.traffic.refused", "broker", call.broker(), "code", refusal.code()).increment();
        return refusal;
    }

    private Guard breakerOf(BrokerCall call) {
        return breakers.computeIfAbsent(call.accountId(), account -> Guard.create()
                .withCircuitBreaker()
                .requestVolumeThreshold(config.breaker().requestVolumeThreshold())
                .failureRatio(config.breaker().failureRatio())
                .delay(config.breaker().delay().toMillis(), ChronoUnit.MILLIS)
                .when(failure -> failure instanceof BrokerFault)
                .onStateChange(state -> {
                    LOG.warnf("Circuit breaker of %s account %s is now %s", call.broker(), account, state);
                    if (state == CircuitBreakerState.CLOSED) {
                        openBreakers.remove(account);
                    } else {
                        openBreakers.put(account, call.broker());
                    }
                })
                .done()
                .withThreadOffload(false)
                .build());
    }

    /** Described, so SmallRye Fault Tolerance meters it, tagged by broker only. */
    private Guard bulkheadOf(String broker) {
        return bulkheads.computeIfAbsent(broker, name -> Guard.create()
                .withDescription("broker-" + name)
                .withBulkhead().limit(config.bulkhead().limit()).queueSize(config.bulkhead().queueSize()).done()
                .withTimeout().duration(config.timeout().toMillis(), ChronoUnit.MILLIS).done()
                .withThreadOffload(false)
                .build());
    }

    private Guard retryOf(String broker) {
        return retries.computeIfAbsent(broker, name -> Guard.create()
                .withRetry()
                .maxRetries(config.retry().maxRetries())
                .delay(config.retry().delay().toMillis(), ChronoUnit.MILLIS)
                .whenException(failure -> failure instanceof BrokerFault)
                .done()
                .withThreadOffload(false)
                .build());
    }

    private void gauge(String broker) {
        if (gauged.add(broker)) {
            Gauge.builder("tradeplex.broker.traffic.queued", scheduler, queue -> queue.queued(broker))
                    .description("Calls waiting for the broker's rate limits").tag("broker", broker).register(meters);
            Gauge.builder("tradeplex.broker.circuit.open", openBreakers,
                            open -> open.values().stream().filter(broker::equals).count())
                    .description("Broker accounts whose circuit breaker is not closed").tag("broker", broker)
                    .register(meters);
        }
    }
}
