package io.tradeplex.bench;

import io.tradeplex.contracts.CloudEventHeaders;
import io.tradeplex.contracts.Event;
import io.tradeplex.contracts.EventJson;
import io.tradeplex.contracts.market.MarketTick;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;


/**
 * The market: ticks of every symbol in turn at a fixed arrival rate (open model), each a random-walk price stamped
 * with a market time that runs {@code timeScale} times faster than the wall clock. Remembers, per symbol and bar,
 * when the tick that closed the bar was due, which is when the strategies' evaluation of that bar could begin.
 */
final class MarketTicks implements AutoCloseable {
    private static final long BAR_SECONDS = 60;

    private final KafkaProducer<String, String> producer;
    private final String topic;
    private final String[] symbols;
    private final double rate;
    private final int timeScale;
    private final Map<String, Long> closedAtNanos = new ConcurrentHashMap<>();
    private final AtomicBoolean stop = new AtomicBoolean();
    private volatile long sent;

    MarketTicks(String bootstrap, String topic, String[] symbols, double rate, int timeScale) {
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 0), new StringSerializer(), new StringSerializer());
        this.topic = topic;
        this.symbols = symbols;
        this.rate = rate;
        this.timeScale = timeScale;
    }

    /** Sends until {@code endNanos}; market time starts at the beginning of a minute, just before the first tick. */
    void run(long startNanos, long endNanos) {
        Random random = new Random(7);
        double[] prices = new double[symbols.length];
        java.util.Arrays.fill(prices, 100);
        long[] lastBar = new long[symbols.length];
        java.util.Arrays.fill(lastBar, Long.MIN_VALUE);
        long marketStartMillis = (System.currentTimeMillis() / 60_000 + 1) * 60_000;
        OpenModelSchedule schedule = new OpenModelSchedule(startNanos, rate);
        for (long i = 0; !stop.get(); i++) {
            long intended = schedule.intendedNanos(i);
            if (intended >= endNanos) {
                break;
            }
            OpenModelSchedule.sleepUntil(intended);
            int s = (int) (i % symbols.length);
            // 0.2 % per tick: enough movement that short moving averages cross every few bars.
            prices[s] *= Math.exp(random.nextGaussian() * 0.002);
            long marketMillis = marketStartMillis + (intended - startNanos) / 1_000_000 * timeScale;
            long bar = Math.floorDiv(marketMillis / 1000, BAR_SECONDS) * BAR_SECONDS;
            if (lastBar[s] != Long.MIN_VALUE && bar != lastBar[s]) {
                closedAtNanos.put(symbols[s] + ":" + lastBar[s], intended);
            }
            lastBar[s] = bar;
            MarketTick tick = new MarketTick(MarketTick.SCHEMA_VERSION, symbols[s],
                    BigDecimal.valueOf(prices[s]).setScale(4, RoundingMode.HALF_EVEN), "bench", i,
                    Instant.ofEpochMilli(marketMillis));
            producer.send(record(topic, symbols[s], tick));
            sent = i + 1;
        }
        producer.flush();
    }

    /** When the tick closing this symbol's bar (by its open time) was due, or null if this run did not close it. */
    Long closedAt(String symbol, long barOpenEpochSecond) {
        return closedAtNanos.get(symbol + ":" + barOpenEpochSecond);
    }

    long sent() {
        return sent;
    }

    static ProducerRecord<String, String> record(String topic, String key, Event event) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, EventJson.write(event));
        header(record, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
        header(record, CloudEventHeaders.ID, UUID.randomUUID().toString());
        header(record, CloudEventHeaders.TYPE, event.eventType());
        header(record, CloudEventHeaders.SOURCE, "bench");
        header(record, CloudEventHeaders.SUBJECT, key);
        header(record, CloudEventHeaders.TIME, Instant.now().toString());
        return record;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    void send(String key, Event event, String toTopic) {
        producer.send(record(toTopic, key, event));
    }

    @Override
    public void close() {
        stop.set(true);
        producer.close();
    }
}
