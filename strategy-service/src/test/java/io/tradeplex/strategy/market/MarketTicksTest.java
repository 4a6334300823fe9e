package io.tradeplex.strategy.market;

import io.quarkus.test.junit.QuarkusTest;
import io.tradeplex.contracts.CloudEventHeaders;
import io.tradeplex.contracts.EventJson;
import io.tradeplex.contracts.EventSchemas;
import io.tradeplex.contracts.Topics;
import io.tradeplex.contracts.market.MarketTick;
import io.tradeplex.testing.KafkaProbe;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class MarketTicksTest {
    private static final String TOPIC = "test." + Topics.MARKET_TICKS;

    @Test
    void simulatedTicksReachTheTopicKeyedBySymbolAsValidCloudEvents() {
        Instant since = Instant.now();
        List<KafkaProbe.Received> ticks;
        try (KafkaProbe probe = new KafkaProbe()) {
            ticks = probe.await(TOPIC, "BTC-USD",
                    r -> MarketTick.TYPE.equals(r.type()) && !tick(r).time().isBefore(since), 3, Duration.ofSeconds(30));
        }

        assertThat(ticks).hasSize(3).allSatisfy(received -> {
            assertThat(EventSchemas.violations(MarketTick.TYPE, received.value())).isEmpty();
            assertThat(received.id()).isNotBlank();
            assertThat(received.source()).isEqualTo("strategy-service");
            assertThat(received.subject()).as("a tick is about no user").isNull();
            MarketTick tick = tick(received);
            assertThat(tick.symbol()).isEqualTo("BTC-USD");
            assertThat(tick.source()).isEqualTo("simulated");
            assertThat(tick.price().signum()).isPositive();
            assertThat(tick.price().scale()).as("rounded to the 0.01 tick").isLessThanOrEqualTo(2);
        });
        assertThat(ticks).extracting(KafkaProbe.Received::id).doesNotHaveDuplicates();
        assertThat(ticks.stream().map(r -> tick(r).sequence()).toList()).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void everyTickCarriesTheFullCloudEventsEnvelope() {
        ConsumerRecord<String, String> record = nextLiveRecord("ETH-USD");

        assertThat(header(record, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(header(record, CloudEventHeaders.TYPE)).isEqualTo(MarketTick.TYPE);
        assertThat(header(record, CloudEventHeaders.SOURCE)).isEqualTo("strategy-service");
        assertThat(header(record, CloudEventHeaders.CONTENT_TYPE)).isEqualTo("application/json");
        assertThat(header(record, CloudEventHeaders.ID)).isNotBlank();
        assertThat(Instant.parse(header(record, CloudEventHeaders.TIME)))
                .isEqualTo(EventJson.read(record.value(), MarketTick.class).time());
        assertThat(record.headers().lastHeader(CloudEventHeaders.SUBJECT)).isNull();
    }

    /** The next tick of this symbol published from now on, read with a bare consumer to see every header. */
    private static ConsumerRecord<String, String> nextLiveRecord(String symbol) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaProbe.BOOTSTRAP,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(TOPIC, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (symbol.equals(record.key())) {
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("no " + symbol + " tick within 30 s");
    }

    private static MarketTick tick(KafkaProbe.Received received) {
        return EventJson.read(received.value(), MarketTick.class);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
