package io.tradeplex.kit.kafka;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads a compacted topic from its beginning to its current end before the service starts answering. A state topic
 * (users, controls) is a history: replaying it through the live consumer would let the service act, for a moment, on
 * states long superseded — a global kill switch that was reset an hour ago, say. Read to the end first, the service
 * starts from the latest state; the live consumer then only brings what is new.
 */
@ApplicationScoped
public class CompactedTopics {
    private static final Logger LOG = Logger.getLogger(CompactedTopics.class);
    private static final Duration LIMIT = Duration.ofSeconds(60);

    private final TopicNames topics;
    private final String bootstrapServers;

    public CompactedTopics(TopicNames topics, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.topics = topics;
        this.bootstrapServers = bootstrapServers;
    }

    /** Blocks until every partition is read to the end it had when the call began. */
    public void readToEnd(String contractTopic, Consumer<IncomingEvent> apply) {
        String topic = topics.of(contractTopic);
        long started = System.nanoTime();
        int records = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, LIMIT).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, LIMIT);
            long deadline = System.nanoTime() + LIMIT.toNanos();
            while (!caughtUp(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Could not read " + topic + " to its end within " + LIMIT);
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    records++;
                    try {
                        apply.accept(IncomingEvent.of(record));
                    } catch (RuntimeException unreadable) {
                        LOG.warnf("Skipped an unreadable record of %s at offset %d: %s", topic, record.offset(), unreadable);
                    }
                }
            }
        }
        LOG.infof("Read %s to its end: %d records in %d ms", topic, records, (System.nanoTime() - started) / 1_000_000);
    }

    private static boolean caughtUp(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(entry -> consumer.position(entry.getKey()) >= entry.getValue());
    }
}
