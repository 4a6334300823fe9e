package io.tradeplex.bench;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The baseline: a bare produce → consume round trip on the platform's own broker, measured the same way as the
 * orders (open model, from the intended send time). 256-byte records, acks=all, idempotent producer, no batching
 * delay: the settings the platform's producers use, without any service in between.
 */
final class KafkaRoundTrip {
    static final String TOPIC = "bench.roundtrip";
    private static final int RECORD_BYTES = 256;

    private final String bootstrap;

    KafkaRoundTrip(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    Latencies run(double rate, int seconds) throws Exception {
        createTopic();
        Latencies roundTrips = new Latencies("Kafka produce → consume (baseline)");
        long total = OpenModelSchedule.count(rate, seconds);
        AtomicLong received = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        TopicPartition partition = new TopicPartition(TOPIC, 0);

        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig(bootstrap));
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                     ProducerConfig.ACKS_CONFIG, "all",
                     ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                     ProducerConfig.LINGER_MS_CONFIG, 0),
                     new ByteArraySerializer(), new ByteArraySerializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToEnd(List.of(partition));
            consumer.position(partition);   // resolves the end offset now, before anything is sent
            // Warm the producer's metadata and connection so the first records do not pay for them.
            producer.send(new ProducerRecord<>(TOPIC, 0, null, stamp(System.nanoTime(), false))).get();

            Thread reader = new Thread(() -> {
                while (!stop.get()) {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(50))) {
                        ByteBuffer value = ByteBuffer.wrap(record.value());
                        long intended = value.getLong();
                        if (value.get() == 1) {
                            roundTrips.recordSince(intended);
                            received.incrementAndGet();
                        }
                    }
                }
            }, "kafka-baseline-reader");
            reader.start();

            OpenModelSchedule schedule = new OpenModelSchedule(System.nanoTime() + 200_000_000L, rate);
            for (long i = 0; i < total; i++) {
                long intended = schedule.intendedNanos(i);
                OpenModelSchedule.sleepUntil(intended);
                producer.send(new ProducerRecord<>(TOPIC, 0, null, stamp(intended, true)));
            }
            producer.flush();
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (received.get() < total && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            stop.set(true);
            reader.join();
        }
        return roundTrips;
    }

    private void createTopic() throws InterruptedException, ExecutionException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    private static byte[] stamp(long intendedNanos, boolean measured) {
        return ByteBuffer.allocate(RECORD_BYTES).putLong(intendedNanos).put((byte) (measured ? 1 : 0)).array();
    }

    static Map<String, Object> consumerConfig(String bootstrap) {
        return Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
    }
}
