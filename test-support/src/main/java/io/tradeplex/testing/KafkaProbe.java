package io.tradeplex.testing;

import io.tradeplex.contracts.CloudEventHeaders;
import io.tradeplex.contracts.Event;
import io.tradeplex.contracts.EventJson;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Reads and writes real Kafka topics from a test, the way any other service would. */
public final class KafkaProbe implements AutoCloseable {
    public static final String BOOTSTRAP = System.getProperty("kafka.bootstrap.servers", "127.0.0.1:9092");
    /**
     * Tests name topics with the default test prefix ({@code "test." + Topics.X}). A run isolated from concurrent runs
     * with {@code -D%test.tradeplex.kafka.topic-prefix=...} has the service use its own prefix, and the probe follows it.
     */
    private static final String TEST_PREFIX = "test.";
    private static final String RUN_PREFIX = System.getProperty("%test.tradeplex.kafka.topic-prefix", TEST_PREFIX);
    private final KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP,
            ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());

    /** A record as analysts see it: envelope headers and JSON value. */
    public record Received(String key, String id, String type, String subject, String source, String value) {
    }

    /** Sends an event with a full CloudEvents envelope. @return its ce_id */
    public String send(String topic, String key, Event event) {
        String id = UUID.randomUUID().toString();
        sendWithId(topic, key, id, event);
        return id;
    }

    public void sendWithId(String topic, String key, String id, Event event) {
        ProducerRecord<String, String> record = new ProducerRecord<>(ofThisRun(topic), key, EventJson.write(event));
        add(record, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
        add(record, CloudEventHeaders.ID, id);
        add(record, CloudEventHeaders.TYPE, event.eventType());
        add(record, CloudEventHeaders.SOURCE, "test");
        add(record, CloudEventHeaders.SUBJECT, key);
        add(record, CloudEventHeaders.TIME, Instant.now().toString());
        try {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not send to " + topic, e);
        }
    }

    /** Scans the whole topic until {@code count} records with this key match, or the timeout passes. */
    public List<Received> await(String testTopic, String key, Predicate<Received> filter, int count, Duration timeout) {
        String topic = ofThisRun(testTopic);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP,
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<Received> matches = new ArrayList<>();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (matches.size() < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    Received received = new Received(record.key(), header(record, CloudEventHeaders.ID),
                            header(record, CloudEventHeaders.TYPE), header(record, CloudEventHeaders.SUBJECT),
                            header(record, CloudEventHeaders.SOURCE), record.value());
                    if (key.equals(record.key()) && filter.test(received)) {
                        matches.add(received);
                    }
                }
            }
            return matches;
        }
    }

    /** The topic this run's services use for one named with the default test prefix. */
    public static String ofThisRun(String topic) {
        return topic.startsWith(TEST_PREFIX) ? RUN_PREFIX + topic.substring(TEST_PREFIX.length()) : topic;
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }

    private static void add(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
