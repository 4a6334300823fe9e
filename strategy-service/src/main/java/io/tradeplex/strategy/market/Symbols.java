package io.tradeplex.strategy.market;

import io.tradeplex.kit.problem.ApiException;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads a {@code symbols} query parameter: comma-separated symbols shaped like those of the event schemas. */
final class Symbols {
    /** The symbol pattern of the event schemas, e.g. BTC-USD. */
    private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9]{1,20}(-[A-Z0-9]{1,20})?");
    /** Bounds the work one request can ask for (OWASP API4). */
    static final int MAX_SYMBOLS = 100;

    private Symbols() {
    }

    /** @return the distinct symbols in the order given, or empty when the parameter is absent or blank (= all) */
    static Optional<List<String>> parse(String field, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        List<String> symbols = Arrays.stream(value.split(",", -1)).map(String::strip).distinct().toList();
        if (symbols.size() > MAX_SYMBOLS) {
            throw ApiException.invalid(field, "at most " + MAX_SYMBOLS + " symbols");
        }
        if (!symbols.stream().allMatch(symbol -> SYMBOL.matcher(symbol).matches())) {
            throw ApiException.invalid(field, "a comma-separated list of symbols like BTC-USD (A-Z, 0-9, one dash)");
        }
        return Optional.of(symbols);
    }
}
