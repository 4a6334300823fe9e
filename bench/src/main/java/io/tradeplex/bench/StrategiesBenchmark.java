package io.tradeplex.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradeplex.contracts.CloudEventHeaders;
import io.tradeplex.contracts.Topics;
import io.tradeplex.contracts.orders.PlaceOrder;
import io.tradeplex.contracts.strategies.StrategyFailed;
import io.tradeplex.contracts.users.UserState;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code bench/strategies}: one strategy-service instance of its own (topics under a prefix, a database of its own)
 * carrying N running strategies while S symbols tick at R ticks/s each. Prints the service's CPU, how long closed
 * bars wait for their strategies, and closing tick → order command on Kafka, beside a bare Kafka round trip.
 */
public final class StrategiesBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int TARGET_STRATEGIES = 10_000;
    private static final int TARGET_SYMBOLS = 50;
    private static final double TARGET_TICKS = 10;
    private static final Duration SETTLE = Duration.ofSeconds(15);

    private StrategiesBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        StrategiesOptions options;
        try {
            options = StrategiesOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        String[] symbols = new String[options.symbols()];
        for (int i = 0; i < symbols.length; i++) {
            symbols[i] = String.format("BENCH%02d-USD", i);
        }
        StrategyServiceClient service = new StrategyServiceClient(options.service());
        String prefix = options.topicPrefix();
        try (MarketTicks ticks = new MarketTicks(options.kafka(), prefix + Topics.MARKET_TICKS, symbols,
                options.tickRate(), options.timeScale())) {
            long setupStarted = System.nanoTime();
            setUp(options, service, ticks, symbols);
            System.out.printf("set-up: %d strategies of %d users running in %.0f s%n", options.strategies(),
                    options.users(), (System.nanoTime() - setupStarted) / 1e9);

            System.out.printf("baseline: Kafka round trip on %s, %.0f/s for %d s%n", options.kafka(),
                    options.kafkaRate(), options.kafkaSeconds());
            Latencies kafka = new KafkaRoundTrip(options.kafka()).run(options.kafkaRate(), options.kafkaSeconds());

            Latencies signals = new Latencies("closing tick due → order command on Kafka");
            AtomicLong failed = new AtomicLong();
            AtomicLong unmatched = new AtomicLong();
            AtomicBoolean stop = new AtomicBoolean();
            long start = System.nanoTime() + 500_000_000L;
            long measureFrom = start + options.warmupSeconds() * 1_000_000_000L;
            long end = measureFrom + options.durationSeconds() * 1_000_000_000L;
            Thread reader = new Thread(() -> follow(options, ticks, signals, failed, unmatched, measureFrom, end, stop),
                    "bench-commands-reader");
            reader.start();

            System.out.printf("load: %d symbols × %.0f ticks/s = %.0f ticks/s, %d s warm-up, %d s measured, market "
                            + "time ×%d%n", symbols.length, options.ticksPerSymbol(), options.tickRate(),
                    options.warmupSeconds(), options.durationSeconds(), options.timeScale());
            Thread feeder = new Thread(() -> ticks.run(start, end + SETTLE.toNanos()), "bench-ticks");
            feeder.start();

            OpenModelSchedule.sleepUntil(measureFrom);
            Map<String, Double> metricsBefore = service.metrics();
            long serviceBefore = ProcessCpu.ticksOf(options.servicePid());
            long kafkaBefore = ProcessCpu.ticksOf(options.kafkaPid());
            long benchBefore = ProcessCpu.ticksOf(ProcessHandle.current().pid());
            long[] machineBefore = ProcessCpu.machine();
            long sentBefore = ticks.sent();
            OpenModelSchedule.sleepUntil(end);
            Map<String, Double> metricsAfter = service.metrics();
            long serviceAfter = ProcessCpu.ticksOf(options.servicePid());
            long kafkaAfter = ProcessCpu.ticksOf(options.kafkaPid());
            long benchAfter = ProcessCpu.ticksOf(ProcessHandle.current().pid());
            long[] machineAfter = ProcessCpu.machine();
            long sentAfter = ticks.sent();

            // Signals of the window's last bars still on their way are awaited; the feed keeps ticking meanwhile.
            feeder.join();
            stop.set(true);
            reader.join();

            double seconds = options.durationSeconds();
            Report report = new Report(options, symbols.length, (sentAfter - sentBefore) / seconds,
                    cores(serviceBefore, serviceAfter, seconds), cores(kafkaBefore, kafkaAfter, seconds),
                    cores(benchBefore, benchAfter, seconds), machineShare(machineBefore, machineAfter),
                    metricsBefore, metricsAfter, signals, kafka, failed.get(), unmatched.get());
            report.print();
        }
        System.exit(0);
    }

    /** Users with a paper account on the users topic, then the strategies created and started through the API. */
    private static void setUp(StrategiesOptions options, StrategyServiceClient service, MarketTicks ticks,
                              String[] symbols) throws Exception {
        List<UUID> users = new ArrayList<>();
        List<UUID> accounts = new ArrayList<>();
        for (int u = 0; u < options.users(); u++) {
            UUID userId = UUID.randomUUID();
            UUID accountId = UUID.randomUUID();
            users.add(userId);
            accounts.add(accountId);
            ticks.send(userId.toString(), new UserState(UserState.SCHEMA_VERSION, userId, userId + "@bench.test",
                    "basic", UserState.STATUS_ACTIVE, true, List.of("trader"), List.of("trading:trade"), Instant.now(),
                    false, null, null, accountId, List.of(new UserState.Account(accountId, "paper", "READY",
                            new BigDecimal("1000000"), null, null)), null), options.topicPrefix() + Topics.USERS);
        }
        ExecutorService pool = Executors.newFixedThreadPool(options.createConcurrency());
        List<Future<UUID>> created = new ArrayList<>();
        for (int k = 0; k < options.strategies(); k++) {
            int user = k % options.users();
            String symbol = symbols[k % symbols.length];
            created.add(pool.submit(() -> service.createAndStart(users.get(user), accounts.get(user), symbol)));
        }
        for (int k = 0; k < created.size(); k++) {
            created.get(k).get();
            if ((k + 1) % 1000 == 0) {
                System.out.printf("  %d strategies created and started%n", k + 1);
            }
        }
        pool.shutdown();
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        double running;
        while ((running = service.metrics().getOrDefault("tradeplex_strategies_running", 0d)) < options.strategies()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + running + " strategies running after 5 minutes");
            }
            Thread.sleep(500);
        }
    }

    /** Order commands and failures of the strategies, as an analyst's consumer reads them. */
    private static void follow(StrategiesOptions options, MarketTicks ticks, Latencies signals, AtomicLong failed,
                               AtomicLong unmatched, long measureFrom, long end, AtomicBoolean stop) {
        String commands = options.topicPrefix() + Topics.ORDER_COMMANDS;
        String strategies = options.topicPrefix() + Topics.STRATEGIES;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, options.kafka(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest"), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(commands, strategies)) {
                consumer.partitionsFor(topic, Duration.ofSeconds(30))
                        .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            while (!stop.get()) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(50))) {
                    long received = System.nanoTime();
                    String type = header(record, CloudEventHeaders.TYPE);
                    if (StrategyFailed.TYPE.equals(type)) {
                        failed.incrementAndGet();
                    } else if (PlaceOrder.TYPE.equals(type)) {
                        JsonNode order = JSON.readTree(record.value());
                        // s:<strategy id>:<bar open, epoch seconds>:<leg>
                        String[] id = order.get("clientOrderId").asText().split(":");
                        Long closed = ticks.closedAt(order.get("symbol").asText(), Long.parseLong(id[2]));
                        if (closed == null) {
                            unmatched.incrementAndGet();
                        } else if (closed >= measureFrom && closed < end) {
                            signals.recordNanos(received - closed);
                        }
                    }
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("following the order commands failed", e);
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static double cores(long before, long after, double seconds) {
        return before < 0 || after < 0 ? Double.NaN : (after - before) / ProcessCpu.TICKS_PER_SECOND / seconds;
    }

    private static double machineShare(long[] before, long[] after) {
        return before == null || after == null ? Double.NaN
                : (double) (after[0] - before[0]) / Math.max(1, after[1] - before[1]);
    }

    private record Report(StrategiesOptions o, int symbols, double ticksPerSecond, double serviceCores,
                          double kafkaCores, double benchCores, double machineBusy, Map<String, Double> before,
                          Map<String, Double> after, Latencies signals, Latencies kafka, long failed, long unmatched) {
        void print() {
            double seconds = o.durationSeconds();
            double evaluations = StrategyServiceClient.delta(before, after, "tradeplex_strategies_bar_seconds_count");
            double barsSignalled = StrategyServiceClient.delta(before, after, "tradeplex_strategies_signals_total");
            StringBuilder out = new StringBuilder();
            out.append("\n================ Tradeplex strategies benchmark ================\n");
            out.append(String.format("machine    %d cores, Java %s; Kafka, PostgreSQL, the service and this client share "
                    + "them%n", Runtime.getRuntime().availableProcessors(), System.getProperty("java.version")));
            out.append(String.format("params     %d strategies (SMA 2/3 crossover, 1m bars) of %d users, %d symbols × "
                            + "%.0f ticks/s, %d s measured after %d s, market time ×%d (a bar closes every %.0f s)%n",
                    o.strategies(), o.users(), symbols, o.ticksPerSymbol(), o.durationSeconds(), o.warmupSeconds(),
                    o.timeScale(), 60.0 / o.timeScale()));
            out.append(String.format("%nticks      %.1f/s sent (offered %.0f/s)%n", ticksPerSecond, o.tickRate()));
            double barSeconds = 60.0 / o.timeScale();
            double expected = o.strategies() * seconds / barSeconds;
            out.append(String.format("work       %.0f strategy evaluations of a closed bar = %.0f/s (every strategy on every "
                    + "bar: %.0f); %.0f signals; %d strategies FAILED%n", evaluations, evaluations / seconds, expected,
                    barsSignalled, failed));
            out.append(String.format("CPU        strategy-service %.2f cores, Kafka %.2f, this client %.2f; machine "
                    + "%.0f %% busy%n", serviceCores, kafkaCores, benchCores, machineBusy * 100));
            out.append(String.format("%nclosed bar announced → strategy starts on it (service histogram, bucket bound)%n"));
            for (double p : new double[] {50, 99, 99.9}) {
                out.append(String.format("  p%-5s ≤ %8.1f ms%n", trim(p), 1000 * StrategyServiceClient.percentile(
                        before, after, "tradeplex_strategies_bar_wait_seconds", p)));
            }
            out.append(String.format("%nlatency (ms)%n  %-44s %8s %8s %8s %8s %8s%n", "", "count", "p50", "p99",
                    "p99.9", "max"));
            for (Latencies latencies : List.of(signals, kafka)) {
                out.append(String.format("  %-44s %8d %8.1f %8.1f %8.1f %8.1f%n", latencies.name, latencies.count(),
                        latencies.percentileMillis(50), latencies.percentileMillis(99),
                        latencies.percentileMillis(99.9), latencies.maxMillis()));
            }
            if (unmatched > 0) {
                out.append(String.format("  (%d order commands of bars this run did not close, not counted)%n", unmatched));
            }
            boolean scale = o.strategies() >= TARGET_STRATEGIES && symbols >= TARGET_SYMBOLS
                    && o.ticksPerSymbol() >= TARGET_TICKS;
            List<String> shortfalls = new ArrayList<>();
            if (ticksPerSecond < o.tickRate() * 0.98) {
                shortfalls.add("the ticks fell behind");
            }
            if (failed > 0) {
                shortfalls.add(failed + " strategies failed");
            }
            if (evaluations < expected * 0.95) {
                shortfalls.add("bars were evaluated late or not at all");
            }
            if (signals.count() == 0 || signals.percentileMillis(99) > barSeconds * 1000) {
                shortfalls.add("p99 closing tick → order command is not within one bar (" + trim(barSeconds) + " s)");
            }
            out.append(String.format("%ntarget     %d strategies, %d symbols × %.0f ticks/s on one instance: %s%n",
                    TARGET_STRATEGIES, TARGET_SYMBOLS, TARGET_TICKS, !scale ? "not tried at these settings"
                            : shortfalls.isEmpty() ? "carried (ticks kept up, every bar evaluated, none failed, order "
                            + "commands within a bar); lag and CPU above" : "NOT carried: " + String.join("; ", shortfalls)));
            System.out.print(out);
        }

        private static String trim(double p) {
            return p == Math.rint(p) ? String.valueOf((long) p) : String.valueOf(p);
        }
    }
}
