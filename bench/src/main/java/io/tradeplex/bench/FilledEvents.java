package io.tradeplex.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * A second, free signal for "filled": the {@code OrderFilled} events on {@code tradeplex.orders.v1}. order-service
 * writes the fill and its event in one transaction and the outbox relay publishes it after the commit, so when the
 * event is on the topic the order already reads FILLED through the API. It costs the platform nothing (no polling),
 * so it shows the pipeline's own latency next to the polled figure.
 */
final class FilledEvents implements AutoCloseable {
    static final String TOPIC = "tradeplex.orders.v1";
    private static final String FILLED_TYPE = "tradeplex.order.filled.v1";

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Thread reader;
    private volatile boolean stop;

    /** Starts reading from the end of the topic; {@code onFilled} gets (clientOrderId, userId) of every final fill. */
    FilledEvents(String bootstrap, BiConsumer<String, String> onFilled) {
        consumer = new KafkaConsumer<>(KafkaRoundTrip.consumerConfig(bootstrap));
        List<TopicPartition> partitions = consumer.partitionsFor(TOPIC).stream()
                .map((PartitionInfo info) -> new TopicPartition(TOPIC, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        reader = new Thread(() -> {
            try {
                while (!stop) {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(50))) {
                        Header type = record.headers().lastHeader("ce_type");
                        if (type == null || !FILLED_TYPE.equals(new String(type.value(), StandardCharsets.UTF_8))) {
                            continue;
                        }
                        JsonNode event = Gateway.JSON.readTree(record.value());
                        if ("FILLED".equals(event.path("status").asText())) {
                            onFilled.accept(event.path("clientOrderId").asText(), event.path("userId").asText());
                        }
                    }
                }
            } catch (Exception e) {
                if (!stop) {
                    System.err.println("kafka: reading " + TOPIC + " failed: " + e);
                }
            } finally {
                consumer.close();
            }
        }, "orders-topic-reader");
        reader.setDaemon(true);
        reader.start();
    }

    @Override
    public void close() throws InterruptedException {
        stop = true;
        reader.join(5_000);
    }
}
