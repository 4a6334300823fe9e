package io.tradeplex.kit.web;

import io.tradeplex.kit.problem.ApiException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Reads query parameters that arrive as strings, so a malformed value is a 400 problem naming the parameter (JAX-RS
 * would answer a failed conversion of a typed query parameter with a bare 404).
 */
public final class QueryParams {
    /** The symbol pattern of the event schemas, e.g. BTC-USD. */
    private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9]{1,20}(-[A-Z0-9]{1,20})?");

    private QueryParams() {
    }

    public static Optional<UUID> uuid(String field, String value) {
        if (isAbsent(value)) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(value.strip()));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(field, "must be a UUID");
        }
    }

    public static Optional<String> symbol(String field, String value) {
        if (isAbsent(value)) {
            return Optional.empty();
        }
        String symbol = value.strip();
        if (!SYMBOL.matcher(symbol).matches()) {
            throw ApiException.invalid(field, "must be a symbol like BTC-USD (A-Z, 0-9, one dash)");
        }
        return Optional.of(symbol);
    }

    public static int integer(String field, String value, int defaultValue, int min, int max) {
        if (isAbsent(value)) {
            return defaultValue;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below, like an out-of-range number
        }
        throw ApiException.invalid(field, "must be an integer from " + min + " to " + max);
    }

    /** A calendar day, {@code YYYY-MM-DD}. */
    public static Optional<LocalDate> date(String field, String value) {
        if (isAbsent(value)) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(value.strip()));
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(field, "must be a date, YYYY-MM-DD");
        }
    }

    private static boolean isAbsent(String value) {
        return value == null || value.isBlank();
    }
}
