package io.tradeplex.kit.outbox;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.tradeplex.contracts.CloudEventHeaders;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Moves committed outbox rows to Kafka, oldest first, then deletes them.
 * <p>
 * One relay at a time per database holds a transaction-scoped advisory lock, so events of one key leave in the order
 * they were written even with several service instances. A crash between Kafka's ack and the delete re-sends a batch:
 * delivery is at-least-once and every consumer de-duplicates by {@code ce_id}. The producer is idempotent with
 * {@code acks=all}, so an acknowledged event is on every in-sync replica.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long RELAY_LOCK = 0x74_70_6c_78_6f_62L; // "tplxob": one relay per database
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(30);

    private final Pool pool;
    private final String bootstrapServers;
    private final String source;
    private final int batchSize;
    private final long pollMillis;
    private final AtomicBoolean drainRequested = new AtomicBoolean();
    private ScheduledExecutorService executor;
    private KafkaProducer<String, String> producer;

    public OutboxRelay(Pool pool,
                       @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                       @ConfigProperty(name = "quarkus.application.name") String source,
                       @ConfigProperty(name = "tradeplex.outbox.batch-size", defaultValue = "500") int batchSize,
                       @ConfigProperty(name = "tradeplex.outbox.poll-interval", defaultValue = "PT0.1S") Duration pollInterval) {
        this.pool = pool;
        this.bootstrapServers = bootstrapServers;
        this.source = source;
        this.batchSize = batchSize;
        this.pollMillis = pollInterval.toMillis();
    }

    void start(@Observes StartupEvent ignored) {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 1,
                ProducerConfig.CLIENT_ID_CONFIG, source + "-outbox"),
                new StringSerializer(), new StringSerializer());
        executor = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "outbox-relay"));
        executor.scheduleWithFixedDelay(this::drainSafely, pollMillis, pollMillis, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent ignored) {
        if (executor != null) {
            executor.shutdown();
            try {
                executor.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    /** Asks for a relay pass right after a commit, instead of waiting for the next poll. Coalesces bursts. */
    public void drainSoon() {
        if (executor != null && drainRequested.compareAndSet(false, true)) {
            executor.execute(this::drainSafely);
        }
    }

    private void drainSafely() {
        drainRequested.set(false);
        try {
            while (relayBatch() == batchSize) {
                // a full batch means more may be waiting
            }
        } catch (Exception e) {
            // Rows stay in the table; the next pass retries them in the same order.
            LOG.warnf("Outbox relay pass failed, will retry: %s", e.toString());
        }
    }

    /** @return how many events were relayed */
    int relayBatch() throws Exception {
        SqlConnection connection = pool.getConnection().await().atMost(STEP_TIMEOUT);
        try {
            var tx = connection.begin().await().atMost(STEP_TIMEOUT);
            try {
                boolean locked = connection.preparedQuery("select pg_try_advisory_xact_lock($1)")
                        .execute(Tuple.of(RELAY_LOCK)).await().atMost(STEP_TIMEOUT)
                        .iterator().next().getBoolean(0);
                if (!locked) {
                    tx.rollback().await().atMost(STEP_TIMEOUT);
                    return 0;
                }
                List<Row> rows = new ArrayList<>();
                connection.preparedQuery("select id, event_id, topic, record_key, event_type, subject, payload, created_at"
                                + " from outbox order by id limit $1")
                        .execute(Tuple.of(batchSize)).await().atMost(STEP_TIMEOUT)
                        .forEach(rows::add);
                if (rows.isEmpty()) {
                    tx.commit().await().atMost(STEP_TIMEOUT);
                    return 0;
                }
                List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
                for (Row row : rows) {
                    acks.add(producer.send(toRecord(row)));
                }
                for (Future<RecordMetadata> ack : acks) {
                    ack.get(STEP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                }
                // Exactly the rows sent, never a range: ids are taken at insert but become visible at commit, so a row
                // with a lower id can commit after this batch was read, and a range delete would drop it unsent.
                Long[] sent = rows.stream().map(row -> row.getLong("id")).toArray(Long[]::new);
                connection.preparedQuery("delete from outbox where id = any($1)").execute(Tuple.of(sent))
                        .await().atMost(STEP_TIMEOUT);
                tx.commit().await().atMost(STEP_TIMEOUT);
                return rows.size();
            } catch (Exception e) {
                tx.rollback().await().atMost(STEP_TIMEOUT);
                throw e;
            }
        } finally {
            connection.close().await().atMost(STEP_TIMEOUT);
        }
    }

    private ProducerRecord<String, String> toRecord(Row row) {
        ProducerRecord<String, String> record = new ProducerRecord<>(row.getString("topic"), row.getString("record_key"),
                row.getString("payload"));
        header(record, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
        header(record, CloudEventHeaders.ID, row.getUUID("event_id").toString());
        header(record, CloudEventHeaders.TYPE, row.getString("event_type"));
        header(record, CloudEventHeaders.SOURCE, source);
        header(record, CloudEventHeaders.TIME,
                row.getOffsetDateTime("created_at").format(DateTimeFormatter.ISO_INSTANT));
        header(record, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        String subject = row.getString("subject");
        if (subject != null) {
            header(record, CloudEventHeaders.SUBJECT, subject);
        }
        return record;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
