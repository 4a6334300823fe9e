package io.tradeplex.strategy.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Deque;

/** The last {@code size} values and their sum, kept exact (BigDecimal addition never rounds). */
final class Window {
    private final int size;
    private final Deque<BigDecimal> values = new ArrayDeque<>();
    private BigDecimal sum = BigDecimal.ZERO;

    Window(int size) {
        this.size = size;
    }

    void add(BigDecimal value) {
        values.addLast(value);
        sum = sum.add(value);
        if (values.size() > size) {
            sum = sum.subtract(values.removeFirst());
        }
    }

    boolean full() {
        return values.size() == size;
    }

    int size() {
        return size;
    }

    BigDecimal sum() {
        return sum;
    }

    BigDecimal average() {
        return sum.divide(BigDecimal.valueOf(size), Decimals.MATH);
    }

    /** Values oldest first, as decimal strings. */
    ArrayNode toJson() {
        ArrayNode json = JsonNodeFactory.instance.arrayNode();
        values.forEach(value -> json.add(value.toPlainString()));
        return json;
    }

    /**
     * @param sum stored rather than recomputed: a running sum keeps the scale of values that have left the window,
     *            and averages divided from it must come out digit for digit as before the snapshot
     */
    static Window restore(int size, JsonNode values, String sum) {
        Window window = new Window(size);
        values.forEach(value -> window.values.addLast(new BigDecimal(value.asText())));
        if (window.values.size() > size) {
            throw new IllegalArgumentException("a window of " + size + " holds " + window.values.size() + " values");
        }
        window.sum = new BigDecimal(sum);
        return window;
    }
}
