package io.tradeplex.strategy.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tradeplex.kit.problem.FieldError;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One parameter of a template. The same description both checks a client's value and writes the JSON Schema, so
 * the schema clients read cannot drift from what the service accepts.
 *
 * @param maxDecimals decimals allowed after dropping trailing zeros; null for any
 */
record Param(String name, Kind kind, boolean required, BigDecimal lower, boolean lowerExclusive, BigDecimal upper,
             boolean upperExclusive, Integer maxDecimals, String description) {

    enum Kind { INTEGER, DECIMAL }

    static final int MIN_PERIOD = 2;
    static final int MAX_PERIOD = 500;
    /** Far above any tier's order limit; it only keeps absurd inputs out of the arithmetic. */
    static final BigDecimal MAX_ORDER_SIZE_USD = new BigDecimal("1000000000");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** A plain decimal as a string: no sign, exponent, NaN or infinity. */
    private static final Pattern DECIMAL_TEXT = Pattern.compile("[0-9]{1,30}(\\.[0-9]{1,30})?");

    static Param period(String name, boolean required, String description) {
        return new Param(name, Kind.INTEGER, required, BigDecimal.valueOf(MIN_PERIOD), false,
                BigDecimal.valueOf(MAX_PERIOD), false, 0, description);
    }

    static Param level(String name, String description) {
        return new Param(name, Kind.DECIMAL, true, BigDecimal.ZERO, true, HUNDRED, true, null, description);
    }

    static Param percent(String name, String description) {
        return new Param(name, Kind.DECIMAL, false, BigDecimal.ZERO, true, HUNDRED, true, null, description);
    }

    static Param usd(String name, String description) {
        return new Param(name, Kind.DECIMAL, true, BigDecimal.ZERO, true, MAX_ORDER_SIZE_USD, false, 2, description);
    }

    String field() {
        return "params." + name;
    }

    /** @return the value if present and valid; an error is added when present and invalid, or absent and required */
    Optional<BigDecimal> read(JsonNode params, List<FieldError> errors) {
        JsonNode node = params.get(name);
        if (node == null || node.isNull()) {
            if (required) {
                errors.add(new FieldError(field(), "is required"));
            }
            return Optional.empty();
        }
        Optional<BigDecimal> value = number(node).filter(this::inRange);
        if (value.isEmpty()) {
            errors.add(new FieldError(field(), rule()));
        }
        return value;
    }

    private Optional<BigDecimal> number(JsonNode node) {
        if (kind == Kind.INTEGER) {
            return node.isIntegralNumber() && node.canConvertToInt()
                    ? Optional.of(BigDecimal.valueOf(node.intValue())) : Optional.empty();
        }
        // A double node's text is the shortest decimal that reads back as it: 0.1, not 0.1000000000000000055...
        String text = node.isNumber() ? node.asText() : node.isTextual() ? node.textValue().strip() : null;
        if (text == null || (node.isTextual() && !DECIMAL_TEXT.matcher(text).matches())) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BigDecimal(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private boolean inRange(BigDecimal value) {
        int low = value.compareTo(lower);
        int high = value.compareTo(upper);
        return (lowerExclusive ? low > 0 : low >= 0) && (upperExclusive ? high < 0 : high <= 0)
                && (maxDecimals == null || Math.max(0, value.stripTrailingZeros().scale()) <= maxDecimals);
    }

    /** What a valid value looks like, as the error message. */
    String rule() {
        if (kind == Kind.INTEGER) {
            return "must be a whole number from " + lower + " to " + upper;
        }
        String range = (lowerExclusive ? "greater than " : "at least ") + lower.toPlainString()
                + (upperExclusive ? " and less than " : " and at most ") + upper.toPlainString();
        return "must be a decimal " + range + (maxDecimals == null ? "" : " with at most " + maxDecimals + " decimals");
    }

    /** The JSON Schema (2020-12) of this parameter: a decimal may come as a JSON number or a decimal string. */
    ObjectNode schema() {
        ObjectNode schema = JsonNodeFactory.instance.objectNode();
        if (kind == Kind.INTEGER) {
            schema.put("type", "integer");
        } else {
            schema.putArray("type").add("number").add("string");
            schema.put("pattern", maxDecimals == null ? "^[0-9]+(\\.[0-9]+)?$"
                    : "^[0-9]+(\\.[0-9]{1," + maxDecimals + "}0*)?$");
        }
        bound(schema, lowerExclusive ? "exclusiveMinimum" : "minimum", lower);
        bound(schema, upperExclusive ? "exclusiveMaximum" : "maximum", upper);
        schema.put("description", description);
        return schema;
    }

    /** Whole bounds as JSON integers: 500, not 500.0 or 5E+2. */
    private static void bound(ObjectNode schema, String keyword, BigDecimal value) {
        if (value.stripTrailingZeros().scale() <= 0) {
            schema.put(keyword, value.longValueExact());
        } else {
            schema.put(keyword, value);
        }
    }
}
