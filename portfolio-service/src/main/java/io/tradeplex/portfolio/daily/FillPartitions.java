package io.tradeplex.portfolio.daily;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Default;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Which users this instance owns: those whose order events land on the partitions its fill consumers hold (order-service
 * keys them by user id with Kafka's default partitioner, murmur2 of the key). The owner applies a user's fills, so it is
 * the one that tracks their day and publishes their daily P&L: a second instance shares the users, not the work twice.
 */
@ApplicationScoped
@Identifier(FillPartitions.NAME)
@Default
public class FillPartitions implements KafkaConsumerRebalanceListener {
    public static final String NAME = "portfolio-fill-partitions";
    private static final Logger LOG = Logger.getLogger(FillPartitions.class);

    // Per consumer of the channel (it runs several): one consumer's revocation must not drop another's assignment.
    private final Map<Consumer<?, ?>, Set<Integer>> byConsumer = new ConcurrentHashMap<>();
    private volatile int partitionCount;

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        partitionCount = consumer.partitionsFor(partitions.iterator().next().topic()).size();
        Set<Integer> added = numbers(partitions);
        byConsumer.merge(consumer, added, (held, more) ->
                Stream.concat(held.stream(), more.stream()).collect(Collectors.toUnmodifiableSet()));
        LOG.infof("Fills: now owning partitions %s of %d", added, partitionCount);
    }

    @Override
    public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        Set<Integer> gone = numbers(partitions);
        byConsumer.computeIfPresent(consumer, (key, held) -> held.stream().filter(p -> !gone.contains(p))
                .collect(Collectors.toUnmodifiableSet()));
    }

    @Override
    public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        onPartitionsRevoked(consumer, partitions);
    }

    public boolean owns(UUID userId) {
        int count = partitionCount;
        if (count == 0) {
            return false;
        }
        int partition = Utils.toPositive(Utils.murmur2(userId.toString().getBytes(StandardCharsets.UTF_8))) % count;
        return byConsumer.values().stream().anyMatch(held -> held.contains(partition));
    }

    private static Set<Integer> numbers(Collection<TopicPartition> partitions) {
        return partitions.stream().map(TopicPartition::partition).collect(Collectors.toUnmodifiableSet());
    }
}
