package io.tradeplex.gateway.ratelimit;

import io.quarkus.runtime.configuration.DurationConverter;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** At most {@code tokens} requests per {@code period}, written {@code 10/1s} or {@code 300/1m} in configuration. */
public record Limit(long tokens, Duration period) {
    private static final Pattern FORMAT = Pattern.compile("\\s*(\\d+)\\s*/\\s*(\\S+)\\s*");

    public Limit {
        if (tokens < 1 || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("A rate limit needs at least one request per positive period, not "
                    + tokens + "/" + period);
        }
    }

    /** Found by SmallRye Config as the converter from the configured text. */
    public static Limit of(String text) {
        Matcher matcher = FORMAT.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("A rate limit reads <requests>/<period>, e.g. 10/1s or 300/1m, not " + text);
        }
        return new Limit(Long.parseLong(matcher.group(1)), DurationConverter.parseDuration(matcher.group(2)));
    }
}
