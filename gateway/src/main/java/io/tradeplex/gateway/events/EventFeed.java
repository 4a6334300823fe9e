package io.tradeplex.gateway.events;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import io.tradeplex.contracts.CloudEventHeaders;
import io.tradeplex.contracts.EventJson;
import io.tradeplex.contracts.Topics;
import io.tradeplex.contracts.auth.SessionRevoked;
import io.tradeplex.contracts.users.UserState;
import io.tradeplex.gateway.ratelimit.UserTiers;
import io.tradeplex.gateway.security.RevokedSessions;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads what the gateway needs to know about sessions and users: session revocations from {@code tradeplex.auth.v1}
 * and each user's tier from the compacted {@code tradeplex.users.v1}. Every instance needs every event, so each joins
 * with a consumer group of its own and reads both topics from the beginning; it commits nothing, so a restarted
 * instance reads them again, revocations from before it started included, and the broker drops the empty group.
 * One thread, outside the event loops, polls.
 */
@Singleton
public class EventFeed {
    private static final Logger LOG = Logger.getLogger(EventFeed.class);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(500);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final RevokedSessions revokedSessions;
    private final UserTiers userTiers;
    private final KafkaConsumer<String, String> consumer;
    private final Thread poller = new Thread(this::poll, "gateway-event-feed");
    private final String authTopic;
    private final String usersTopic;
    /** The end of each partition when it was assigned: once read up to there, every earlier revocation is known. */
    private final Map<TopicPartition, Long> startupEnds = new HashMap<>();
    private volatile boolean caughtUp;
    private volatile boolean stopping;

    public EventFeed(RevokedSessions revokedSessions, UserTiers userTiers,
                     @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
                     @ConfigProperty(name = "tradeplex.kafka.topic-prefix") Optional<String> topicPrefix) {
        this.revokedSessions = revokedSessions;
        this.userTiers = userTiers;
        this.authTopic = topicPrefix.orElse("") + Topics.AUTH;
        this.usersTopic = topicPrefix.orElse("") + Topics.USERS;
        Map<String, Object> config = new HashMap<>(kafkaConfig);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "gateway-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
        poller.setDaemon(true);
    }

    void start(@Observes StartupEvent started) {
        poller.start();
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        stopping = true;
        consumer.wakeup();
        poller.join(CLOSE_TIMEOUT.toMillis());
    }

    /** True once everything on the topics when this instance started has been read. */
    public boolean caughtUp() {
        return caughtUp;
    }

    private void poll() {
        try (consumer) {
            consumer.subscribe(List.of(authTopic, usersTopic), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    if (!caughtUp) {
                        startupEnds.putAll(consumer.endOffsets(partitions));
                    }
                }

                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    // Nothing is committed, so nothing is to be done before giving partitions up.
                }
            });
            while (!stopping) {
                consumer.poll(POLL_TIMEOUT).forEach(this::apply);
                if (!caughtUp && !startupEnds.isEmpty()
                        && startupEnds.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue())) {
                    caughtUp = true;
                    LOG.infof("Read %s and %s up to where they were at start", authTopic, usersTopic);
                }
            }
        } catch (WakeupException e) {
            // Only stop() wakes the consumer up.
        } catch (RuntimeException e) {
            // A dead feed means revocations go unseen: say so loudly; readiness stays down if it never caught up.
            LOG.error("The event feed stopped; session revocations and tier changes are no longer seen", e);
        }
    }

    private void apply(ConsumerRecord<String, String> record) {
        String type = header(record, CloudEventHeaders.TYPE);
        try {
            if (record.topic().equals(usersTopic) && record.value() == null) {
                userTiers.forget(record.key());
            } else if (SessionRevoked.TYPE.equals(type)) {
                revokedSessions.revoke(EventJson.read(record.value(), SessionRevoked.class));
            } else if (UserState.TYPE.equals(type)) {
                userTiers.apply(EventJson.read(record.value(), UserState.class));
            }
        } catch (RuntimeException e) {
            // One bad record must not stop the feed. Never the payload in the log: it holds session ids.
            LOG.warnf("Skipped unreadable %s event at %s-%d@%d: %s", type, record.topic(), record.partition(),
                    record.offset(), e.getClass().getSimpleName());
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
