package io.tradeplex.bench;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code bench/orders}: N traders place MARKET orders at a fixed arrival rate through the gateway; prints accepted
 * orders/s and the latencies submit → 202, → FILLED, → position, beside a bare Kafka round trip on the same broker.
 */
public final class OrdersBenchmark {
    private static final double TARGET_RATE = 500;
    private static final double TARGET_P99_FILLED_MS = 25;

    private OrdersBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.print(BenchOptions.USAGE);
            return;
        }
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        try (Gateway gateway = new Gateway(options.gateway())) {
            List<BenchUser> users = new UserPool(gateway, options).prepare();
            awaitQuotes(gateway, users.get(0));

            System.out.printf("baseline: Kafka round trip on %s, %.0f/s for %d s%n",
                    options.kafka(), options.kafkaRate(), options.kafkaSeconds());
            Latencies kafka = new KafkaRoundTrip(options.kafka()).run(options.kafkaRate(), options.kafkaSeconds());

            OrderLoad load = new OrderLoad(gateway, users, options);
            OrderLoad.Result result;
            try (FilledEvents ignored = new FilledEvents(options.kafka(), load::onFilledEvent)) {
                result = load.run();
            }
            print(options, result, kafka);
        }
        System.exit(0);   // the HTTP client's selector thread is not a daemon
    }

    private static void awaitQuotes(Gateway gateway, BenchUser user) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            Gateway.Reply quotes = gateway.get("/api/v1/market/quotes?symbols=BTC-USD,ETH-USD", user.accessToken).join();
            if (quotes.is(200) && quotes.body().size() >= 2) {
                System.out.println("quotes: " + quotes.body());
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no BTC-USD/ETH-USD quotes after 60 s: " + quotes.errorKey() + " " + quotes.body());
            }
            Thread.sleep(500);
        }
    }

    private static void print(BenchOptions o, OrderLoad.Result r, Latencies kafka) {
        StringBuilder out = new StringBuilder();
        out.append("\n================ Tradeplex order benchmark ================\n");
        out.append(String.format("machine    %d cores, Java %s, max heap of this client %d MiB%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20));
        out.append(String.format("params     %d users, %.0f orders/s offered (open model), %d s measured after %d s warm-up,%n",
                o.users(), o.rate(), o.durationSeconds(), o.warmupSeconds()));
        out.append(String.format("           MARKET BUY %s %s per order, round-robin over users; FILLED polled every %d ms "
                        + "(≤ %d polls in flight); position followed for 1 order in %d%n",
                o.quantity().toPlainString(), o.symbol(), o.pollMillis(), o.maxPolls(), o.positionEvery()));
        out.append("note       this client runs on the same machine as the platform and competes with it for CPU\n\n");

        out.append(String.format("offered    %d orders in %.1f s = %.1f orders/s%n", r.offered(), r.measuredSeconds(),
                r.offered() / r.measuredSeconds()));
        out.append(String.format("accepted   %d (202) = %.1f orders/s%n", r.accepted(), r.acceptedPerSecond()));
        out.append(String.format("filled     %d seen FILLED = %.1f orders/s%n", r.filled(), r.filledPerSecond()));
        if (r.errors().isEmpty()) {
            out.append("errors     none\n");
        } else {
            out.append("errors\n");
            for (Map.Entry<String, Long> error : r.errors().entrySet()) {
                out.append(String.format("  %8d  %s%n", error.getValue(), error.getKey()));
            }
        }
        if (r.warmupErrors() > 0) {
            out.append(String.format("           (%d errors during the warm-up, not counted above)%n", r.warmupErrors()));
        }

        out.append(String.format("%nlatency from the intended send time (ms)%n"));
        out.append(String.format("  %-42s %8s %8s %8s %8s %8s%n", "", "count", "p50", "p99", "p99.9", "max"));
        for (Latencies latencies : List.of(r.acceptance(), r.filledPolled(), r.filledEvent(), r.position(), kafka)) {
            out.append(String.format("  %-42s %8d %8.1f %8.1f %8.1f %8.1f%n", latencies.name, latencies.count(),
                    latencies.percentileMillis(50), latencies.percentileMillis(99), latencies.percentileMillis(99.9),
                    latencies.maxMillis()));
        }

        double p99 = r.filledPolled().percentileMillis(99);
        boolean rateMet = r.acceptedPerSecond() >= TARGET_RATE * 0.98 && r.filledPerSecond() >= TARGET_RATE * 0.98;
        out.append(String.format("%ntarget     %.0f orders/s sustained: %s (offered %.0f, accepted %.1f/s, %d errors)%n",
                TARGET_RATE, o.rate() < TARGET_RATE ? "not tried at this rate" : rateMet ? "met" : "NOT met",
                o.rate(), r.acceptedPerSecond(), r.errors().values().stream().mapToLong(Long::longValue).sum()));
        out.append(String.format("target     p99 submit → FILLED ≤ %.0f ms: %s (%.1f ms, %.1f× the Kafka round trip's p99)%n",
                TARGET_P99_FILLED_MS,
                r.filledPolled().count() == 0 ? "NOT met (no order seen FILLED)" : p99 <= TARGET_P99_FILLED_MS ? "met" : "NOT met", p99,
                p99 / Math.max(0.001, kafka.percentileMillis(99))));
        System.out.print(out);
    }
}
