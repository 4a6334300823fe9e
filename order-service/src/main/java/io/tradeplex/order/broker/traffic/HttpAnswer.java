package io.tradeplex.order.broker.traffic;

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

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }
}
