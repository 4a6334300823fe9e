package io.tradeplex.strategy.market;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.tradeplex.contracts.CloudEventHeaders;
import io.tradeplex.contracts.EventJson;
import io.tradeplex.contracts.market.MarketTick;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Publishes ticks straight to Kafka, keyed by symbol, as CloudEvents without a subject (a tick is about no user).
 * <p>
 * No outbox: a tick is not database state, and one lost in a crash is superseded half a second later. The producer
 * keeps the kit's defaults (idempotent, {@code acks=all}): a retried send then never duplicates or reorders a tick,
 * which keeps the per-symbol sequence strictly increasing on the topic, and with a single-replica broker
 * {@code acks=all} costs no more than {@code acks=1}.
 */
@ApplicationScoped
public class TickPublisher {
    private final MutinyEmitter<String> emitter;
    private final String source;

    public TickPublisher(@Channel("market-ticks-out") MutinyEmitter<String> emitter,
                         @ConfigProperty(name = "quarkus.application.name") String source) {
        this.emitter = emitter;
        this.source = source;
    }

    /** @return completes when Kafka has acknowledged the tick */
    public Uni<Void> publish(MarketTick tick) {
        Headers headers = new RecordHeaders();
        header(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
        header(headers, CloudEventHeaders.ID, UUID.randomUUID().toString());
        header(headers, CloudEventHeaders.TYPE, tick.eventType());
        header(headers, CloudEventHeaders.SOURCE, source);
        header(headers, CloudEventHeaders.TIME, tick.time().toString());
        header(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(tick.symbol())
                .withHeaders(headers)
                .build();
        return emitter.sendMessage(Message.of(EventJson.write(tick)).addMetadata(metadata));
    }

    private static void header(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
