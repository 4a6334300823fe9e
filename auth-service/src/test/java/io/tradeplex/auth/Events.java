package io.tradeplex.auth;

import io.tradeplex.contracts.EventJson;
import io.tradeplex.contracts.EventSchemas;
import io.tradeplex.contracts.Topics;
import io.tradeplex.contracts.audit.AuditEvent;
import io.tradeplex.testing.KafkaProbe;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** What auth-service published for one user, read back from the real (test-prefixed) topics. */
public final class Events {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private Events() {
    }

    /** Waits for {@code count} events of {@code type} on the auth topic, each checked against its JSON Schema. */
    public static List<KafkaProbe.Received> auth(UUID userId, String type, int count) {
        return schemaChecked(await(Topics.AUTH, userId, received -> type.equals(received.type()), count));
    }

    /** Waits for {@code count} audit events of this user that match, each checked against the audit schema. */
    public static List<AuditEvent> audit(UUID userId, Predicate<AuditEvent> filter, int count) {
        return schemaChecked(await(Topics.AUDIT, userId,
                received -> AuditEvent.TYPE.equals(received.type()) && filter.test(EventJson.read(received.value(), AuditEvent.class)),
                count)).stream().map(received -> EventJson.read(received.value(), AuditEvent.class)).toList();
    }

    /** The first {@code count} auth events of this user, in publication order (one key, one partition). */
    public static List<KafkaProbe.Received> authEvents(UUID userId, int count) {
        return schemaChecked(await(Topics.AUTH, userId, received -> true, count));
    }

    /**
     * Everything keyed by this user on the auth and the audit topic, once the expected numbers have arrived; every
     * record is schema-checked.
     */
    public static List<KafkaProbe.Received> everything(UUID userId, int authEvents, int auditEvents) {
        List<KafkaProbe.Received> all = new ArrayList<>(await(Topics.AUTH, userId, received -> true, authEvents));
        all.addAll(await(Topics.AUDIT, userId, received -> true, auditEvents));
        assertThat(all).hasSize(authEvents + auditEvents);
        return schemaChecked(all);
    }

    private static List<KafkaProbe.Received> await(String topic, UUID userId, Predicate<KafkaProbe.Received> filter, int count) {
        try (KafkaProbe probe = new KafkaProbe()) {
            return probe.await("test." + topic, userId.toString(), filter, count, TIMEOUT);
        }
    }

    private static List<KafkaProbe.Received> schemaChecked(List<KafkaProbe.Received> events) {
        for (KafkaProbe.Received event : events) {
            assertThat(EventSchemas.violations(event.type(), event.value())).as(event.value()).isEmpty();
            assertThat(event.source()).isEqualTo("auth-service");
        }
        return events;
    }
}
