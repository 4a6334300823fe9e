package io.tradeplex.order.reconcile;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.event.Event;
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

/**
 * Which users this instance owns: those whose order commands land on the partitions its consumers hold. Commands are
 * keyed by user id and the outbox relay's producer places a key as Kafka's default partitioner does (murmur2 of the
 * key's bytes), so the same function tells which partition, hence which instance, a user belongs to. Reconciling
 * only owned users keeps each user's broker work with the one writer of their orders.
 */
@ApplicationScoped
@Identifier(CommandPartitions.NAME)
@Default

public class CommandPartitions implements KafkaConsumerRebalanceListener {
    public static final String NAME = "order-commands-partitions";
    private static final Logger LOG = Logger.getLogger(CommandPartitions.class);

    // Per consumer of the channel (it runs several): one consumer's revocation must not drop another's assignment.
    private final Map<Consumer<?, ?>, Set<Integer>> byConsumer = new ConcurrentHashMap<>();
    private final Event<PartitionsAssigned> assigned;
    private volatile int partitionCount;

    public CommandPartitions(Event<PartitionsAssigned> assigned) {
        this.assigned = assigned;
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        partitionCount = consumer.partitionsFor(partitions.iterator().next().topic()).size();
        Set<Integer> added = numbers(partitions);
        byConsumer.merge(consumer, added, (held, more) -> union(held, more));
        LOG.infof("Order commands: now owning partitions %s of %d", added, partitionCount);
        assigned.fire(new PartitionsAssigned(added));
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
        return count > 0 && owns(partitionOf(userId, count));
    }

    public boolean inPartitions(UUID userId, Set<Integer> partitions) {
        int count = partitionCount;
        return count > 0 && partitions.contains(partitionOf(userId, count));
    }

    private boolean owns(int partition) {
        return byConsumer.values().stream().anyMatch(held -> held.contains(partition));
    }

    static int partitionOf(UUID userId, int partitionCount) {
        return Utils.toPositive(Utils.murmur2(userId.toString().getBytes(StandardCharsets.UTF_8))) % partitionCount;
    }

    private static Set<Integer> numbers(Collection<TopicPartition> partitions) {
        return partitions.stream().map(TopicPartition::partition).collect(Collectors.toUnmodifiableSet());
    }

    private static Set<Integer> union(Set<Integer> a, Set<Integer> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).collect(Collectors.toUnmodifiableSet());
    }
}
