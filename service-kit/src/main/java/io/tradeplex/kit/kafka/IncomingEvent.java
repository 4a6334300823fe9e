package io.tradeplex.kit.kafka;

import io.tradeplex.contracts.CloudEventHeaders;
import io.tradeplex.contracts.Event;
import io.tradeplex.contracts.EventJson;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;

/**
 * A CloudEvents record as read from Kafka: the envelope headers plus the JSON payload. Consumers take
 * {@code ConsumerRecord<String, String>} in their {@code @Incoming} method and wrap it with {@link #of}.
 */
public record IncomingEvent(String id, String type, String subject, String key, String payload) {

    public static IncomingEvent of(ConsumerRecord<String, String> record) {
        Headers headers = record.headers();
        String id = header(headers, CloudEventHeaders.ID);
        if (id == null) {
            // A record without an id cannot be de-duplicated by id; its log position is unique and stable instead.
            id = record.topic() + "/" + record.partition() + "/" + record.offset();
        }
        return new IncomingEvent(id, header(headers, CloudEventHeaders.TYPE), header(headers, CloudEventHeaders.SUBJECT),
                record.key(), record.value());
    }

    public boolean is(String eventType) {
        return eventType.equals(type);
    }

    public <T extends Event> T decode(Class<T> eventClass) {
        return EventJson.read(payload, eventClass);
    }

    private static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
