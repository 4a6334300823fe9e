package io.tradeplex.bench;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The load: MARKET BUY orders at a fixed arrival rate, round-robin over the users, each sent at its intended time
 * without waiting for any earlier one. Every accepted order is then polled ({@code GET /api/v1/orders/{id}}) until
 * it reads FILLED; one order in {@code positionEvery} is also followed until {@code GET /api/v1/portfolio/positions}
 * shows it. All latencies are from the order's intended send time.
 */
final class OrderLoad {

    /** What a run measured (warm-up excluded). */
    record Result(long offered, long accepted, long filled, double acceptedPerSecond, double filledPerSecond,
                  Latencies acceptance, Latencies filledPolled, Latencies filledEvent, Latencies position,
                  Map<String, Long> errors, long warmupErrors, double measuredSeconds) {
    }

    private final class Order {
        final BenchUser user;
        final long intended;
        final boolean measured;
        final String clientOrderId;
        /** The position to expect once this order has filled; null when its position is not followed. */
        final BigDecimal expectedPosition;
        final long deadline;
        volatile String orderId;
        volatile boolean filledEventSeen;

        Order(long seq, BenchUser user, long intended, boolean measured, BigDecimal expectedPosition) {
            this.user = user;
            this.intended = intended;
            this.measured = measured;
            this.clientOrderId = "bench-" + runTag + "-" + seq;
            this.expectedPosition = expectedPosition;
            this.deadline = intended + TimeUnit.SECONDS.toNanos(options.timeoutSeconds());
        }
    }

    private final Gateway gateway;
    private final List<BenchUser> users;
    private final BenchOptions options;
    private final String runTag = UUID.randomUUID().toString().substring(0, 8);
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "order-poller");
        thread.setDaemon(true);
        return thread;
    });
    private final Semaphore pollsInFlight;
    private final Map<String, Order> byClientOrderId = new ConcurrentHashMap<>();
    private final AtomicLong outstanding = new AtomicLong();

    private final Latencies acceptance = new Latencies("accepted (202)");
    private final Latencies filledPolled = new Latencies("submit → FILLED visible (GET)");
    private final Latencies filledEvent = new Latencies("submit → OrderFilled on Kafka");
    private final Latencies position = new Latencies("submit → position visible (GET)");
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final LongAdder warmupErrors = new LongAdder();
    private final LongAdder accepted = new LongAdder();
    private final LongAdder filled = new LongAdder();
    private final AtomicLong lastAccepted = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong lastFilled = new AtomicLong(Long.MIN_VALUE);

    OrderLoad(Gateway gateway, List<BenchUser> users, BenchOptions options) {
        this.gateway = gateway;
        this.users = users;
        this.options = options;
        this.pollsInFlight = new Semaphore(options.maxPolls());
    }

    /** Called by {@link FilledEvents} for every final fill on the orders topic. */
    void onFilledEvent(String clientOrderId, String userId) {
        Order order = byClientOrderId.remove(clientOrderId);
        if (order != null && order.measured) {
            order.filledEventSeen = true;
            filledEvent.recordSince(order.intended);
        }
    }

    Result run() throws InterruptedException {
        long warmupCount = OpenModelSchedule.count(options.rate(), options.warmupSeconds());
        long measuredCount = OpenModelSchedule.count(options.rate(), options.durationSeconds());
        long total = warmupCount + measuredCount;
        OpenModelSchedule schedule = new OpenModelSchedule(System.nanoTime() + 200_000_000L, options.rate());
        long measureStart = schedule.intendedNanos(warmupCount);
        long measureEnd = schedule.intendedNanos(total);

        System.out.printf("load: %d orders at %.0f/s (%d s warm-up, %d s measured), %d users%n",
                total, options.rate(), options.warmupSeconds(), options.durationSeconds(), users.size());
        for (long seq = 0; seq < total; seq++) {
            long intended = schedule.intendedNanos(seq);
            OpenModelSchedule.sleepUntil(intended);
            BenchUser user = users.get((int) (seq % users.size()));
            BigDecimal expected = user.send(options.quantity());
            boolean followPosition = seq % options.positionEvery() == 0;
            submit(new Order(seq, user, intended, seq >= warmupCount, followPosition ? expected : null));
            if (seq == warmupCount && warmupCount > 0) {
                System.out.println("load: warm-up done, measuring");
            }
        }
        System.out.printf("load: all sent (%.1f s late at most), waiting for the last fills%n",
                Math.max(0, System.nanoTime() - measureEnd) / 1e9);
        long drainDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.timeoutSeconds() + 5L);
        while (outstanding.get() > 0 && System.nanoTime() < drainDeadline) {
            Thread.sleep(50);
        }
        Thread.sleep(200);   // the last OrderFilled events
        poller.shutdownNow();

        double window = (measureEnd - measureStart) / 1e9;
        double acceptedWindow = (Math.max(measureEnd, lastAccepted.get()) - measureStart) / 1e9;
        double filledWindow = (Math.max(measureEnd, lastFilled.get()) - measureStart) / 1e9;
        Map<String, Long> errorCounts = new TreeMap<>();
        errors.forEach((key, count) -> errorCounts.put(key, count.sum()));
        return new Result(measuredCount, accepted.sum(), filled.sum(), accepted.sum() / acceptedWindow,
                filled.sum() / filledWindow, acceptance, filledPolled, filledEvent, position, errorCounts,
                warmupErrors.sum(), window);
    }

    private void submit(Order order) {
        outstanding.incrementAndGet();
        byClientOrderId.put(order.clientOrderId, order);
        String body = "{\"accountId\":\"" + order.user.accountId + "\",\"symbol\":\"" + options.symbol()
                + "\",\"side\":\"BUY\",\"type\":\"MARKET\",\"quantity\":\"" + options.quantity().toPlainString()
                + "\",\"clientOrderId\":\"" + order.clientOrderId + "\"}";
        gateway.post("/api/v1/orders", body, order.user.accessToken).thenAccept(reply -> {
            if (reply.is(202)) {
                if (order.measured) {
                    acceptance.recordSince(order.intended);
                    accepted.increment();
                    lastAccepted.accumulateAndGet(System.nanoTime(), Math::max);
                }
                order.orderId = reply.body().path("orderId").asText();
                later(() -> pollStatus(order));
            } else {
                error(order, "POST /orders " + reply.errorKey());
                order.user.lose(options.quantity());
                byClientOrderId.remove(order.clientOrderId);
                finish();
            }
        });
    }

    private void pollStatus(Order order) {
        if (System.nanoTime() > order.deadline) {
            error(order, "FILLED not visible within " + options.timeoutSeconds() + " s");
            finish();
            return;
        }
        if (!pollsInFlight.tryAcquire()) {
            later(() -> pollStatus(order));
            return;
        }
        gateway.get("/api/v1/orders/" + order.orderId, order.user.accessToken).thenAccept(reply -> {
            pollsInFlight.release();
            if (!reply.is(200)) {
                error(order, "GET /orders/{id} " + reply.errorKey());
                later(() -> pollStatus(order));
                return;
            }
            String status = reply.body().path("status").asText();
            switch (status) {
                case "FILLED" -> {
                    if (order.measured) {
                        filledPolled.recordSince(order.intended);
                        filled.increment();
                        lastFilled.accumulateAndGet(System.nanoTime(), Math::max);
                    }
                    if (order.expectedPosition != null) {
                        pollPosition(order);
                    } else {
                        finish();
                    }
                }
                case "REJECTED", "CANCELLED" -> {
                    error(order, "order " + status + " " + reply.body().path("rejectCode").asText(""));
                    order.user.lose(options.quantity());
                    finish();
                }
                default -> later(() -> pollStatus(order));
            }
        });
    }

    private void pollPosition(Order order) {
        if (System.nanoTime() > order.deadline) {
            error(order, "position not visible within " + options.timeoutSeconds() + " s");
            finish();
            return;
        }
        if (!pollsInFlight.tryAcquire()) {
            later(() -> pollPosition(order));
            return;
        }
        gateway.get("/api/v1/portfolio/positions", order.user.accessToken).thenAccept(reply -> {
            pollsInFlight.release();
            if (!reply.is(200)) {
                error(order, "GET /portfolio/positions " + reply.errorKey());
                later(() -> pollPosition(order));
                return;
            }
            BigDecimal quantity = UserPool.quantityOf(reply.body(), order.user.accountId, options.symbol());
            // Orders of one user apply in order, so "at least the quantity expected after this one" means it is in.
            if (quantity.compareTo(order.expectedPosition.subtract(order.user.lost())) >= 0) {
                if (order.measured) {
                    position.recordSince(order.intended);
                }
                finish();
            } else {
                later(() -> pollPosition(order));
            }
        });
    }

    private void later(Runnable poll) {
        try {
            poller.schedule(poll, options.pollMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException afterTheEnd) {
            // The run is over; whatever was still pending has been counted as outstanding.
        }
    }

    private void error(Order order, String key) {
        if (order.measured) {
            errors.computeIfAbsent(key, k -> new LongAdder()).increment();
        } else {
            warmupErrors.increment();
        }
    }

    private void finish() {
        outstanding.decrementAndGet();
    }
}
