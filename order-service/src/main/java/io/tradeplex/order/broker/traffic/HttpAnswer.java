package io.tradeplex.order.broker.traffic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A broker's HTTP answer as the adapter reads it.
 *
 * @param status  0 when no answer came (timeout, broken connection): the outcome is unknown
 * @param headers by lower-case name
 */
public record HttpAnswer(int status, Map<String, String> headers, String body) {
    public static final HttpAnswer NONE = new HttpAnswer(0, Map.of(), "");

    public HttpAnswer {
        headers = Map.copyOf(headers);
    }

    /** The body as JSON; an empty or unreadable body (a proxy's HTML error page) reads as an empty object. */
    public JsonNode json(ObjectMapper json) {
        try {
            return json.readTree(body.isEmpty() ? "{}" : body);
        } catch (Exception unreadable) {
            return json.createObjectNode();
        }
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }
}
