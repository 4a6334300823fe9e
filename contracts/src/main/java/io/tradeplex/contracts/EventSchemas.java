package io.tradeplex.contracts;

import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates event JSON against the published schema of its type ({@code schemas/<ce_type>.json} in this jar).
 * Producers' tests run what they emit through it, so the schema analysts read is the one services honour.
 */
public final class EventSchemas {
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    private static final Map<String, JsonSchema> CACHE = new ConcurrentHashMap<>();

    private EventSchemas() {
    }

    /** @return the violations; empty when the JSON conforms */
    public static List<String> violations(String eventType, String json) {
        try {
            return schemaOf(eventType).validate(EventJson.mapper().readTree(json)).stream()
                    .map(ValidationMessage::getMessage)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static boolean exists(String eventType) {
        return EventSchemas.class.getResource(path(eventType)) != null;
    }

    private static JsonSchema schemaOf(String eventType) {
        return CACHE.computeIfAbsent(eventType, type -> {
            try (InputStream in = EventSchemas.class.getResourceAsStream(path(type))) {
                if (in == null) {
                    throw new IllegalArgumentException("No schema for event type " + type);
                }
                return FACTORY.getSchema(in, CONFIG);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static String path(String eventType) {
        return "/schemas/" + eventType + ".json";
    }
}
