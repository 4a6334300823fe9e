package io.tradeplex.strategy.runtime;

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
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Which users' strategies this instance runs: those whose {@code tradeplex.strategies.v1} partitions (keyed by user id
 * with Kafka's default partitioner) its consumer holds. Instances share users by partition, each user's strategies
 * stay on one instance, and when partitions move their strategies leave with them and start where they are assigned.
 */
@ApplicationScoped
@Identifier(StrategyPartitions.NAME)
@Default
public class StrategyPartitions implements KafkaConsumerRebalanceListener {
    public static final String NAME = "strategy-partitions";
    private static final Logger LOG = Logger.getLogger(StrategyPartitions.class);

    private final Set<Integer> held = ConcurrentHashMap.newKeySet();
    private final LiveStrategies live;
    private volatile int partitionCount;

    public StrategyPartitions(LiveStrategies live) {
        this.live = live;
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        partitionCount = consumer.partitionsFor(partitions.iterator().next().topic()).size();
        Set<Integer> added = numbers(partitions);
        held.addAll(added);
        LOG.infof("Strategies: now running the users of partitions %s of %d", added, partitionCount);
        live.activateAll(user -> added.contains(partitionOf(user)));
    }

    @Override
    public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        Set<Integer> gone = numbers(partitions);
        held.removeAll(gone);
        live.deactivateAll(user -> gone.contains(partitionOf(user)));
    }

    @Override
    public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        onPartitionsRevoked(consumer, partitions);
    }

    public boolean owns(UUID userId) {
        return partitionCount > 0 && held.contains(partitionOf(userId));
    }

    private int partitionOf(UUID userId) {
        return Utils.toPositive(Utils.murmur2(userId.toString().getBytes(StandardCharsets.UTF_8))) % partitionCount;
    }

    private static Set<Integer> numbers(Collection<TopicPartition> partitions) {
        return partitions.stream().map(TopicPartition::partition).collect(Collectors.toUnmodifiableSet());
    }
}
