package io.tradeplex.strategy.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tradeplex.strategy.market.bars.Bar;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * Enter when a close is above the highest high of the {@code period} bars before it; exit when a close is below the
 * lowest low of the {@code exitPeriod} bars before it. The bar itself is left out of its channel: it could never
 * close above its own high.
 */
final class DonchianBreakoutRule implements Rule {
    private final DonchianBreakoutParams params;
    private final int capacity;
    /** The previous bars' highs and lows, oldest first, at most {@code capacity} of them. */
    private final Deque<BigDecimal> highs = new ArrayDeque<>();
    private final Deque<BigDecimal> lows = new ArrayDeque<>();

    DonchianBreakoutRule(DonchianBreakoutParams params) {
        this.params = params;
        this.capacity = Math.max(params.period(), params.exitPeriod());
    }

    @Override
    public Verdict next(Bar bar) {
        Verdict verdict = Verdict.NONE;
        if (highs.size() == capacity) {
            BigDecimal upper = extreme(highs, params.period(), 1);
            BigDecimal lower = extreme(lows, params.exitPeriod(), -1);
            if (bar.close().compareTo(upper) > 0) {
                verdict = Verdict.enter("close " + Decimals.show(bar.close()) + " above the " + params.period()
                        + "-bar high " + Decimals.show(upper));
            } else if (bar.close().compareTo(lower) < 0) {
                verdict = Verdict.exit("close " + Decimals.show(bar.close()) + " below the " + params.exitPeriod()
                        + "-bar low " + Decimals.show(lower));
            }
        }
        highs.addLast(bar.high());
        lows.addLast(bar.low());
        if (highs.size() > capacity) {
            highs.removeFirst();
            lows.removeFirst();
        }
        return verdict;
    }

    /** The highest ({@code sign} 1) or lowest (−1) of the newest {@code count} values. */
    private static BigDecimal extreme(Deque<BigDecimal> values, int count, int sign) {
        Iterator<BigDecimal> newest = values.descendingIterator();
        BigDecimal extreme = newest.next();
        for (int i = 1; i < count; i++) {
            BigDecimal value = newest.next();
            if (Integer.signum(value.compareTo(extreme)) == sign) {
                extreme = value;
            }
        }
        return extreme;
    }

    @Override
    public ObjectNode state() {
        ObjectNode state = JsonNodeFactory.instance.objectNode();
        ArrayNode highsJson = state.putArray("highs");
        highs.forEach(high -> highsJson.add(high.toPlainString()));
        ArrayNode lowsJson = state.putArray("lows");
        lows.forEach(low -> lowsJson.add(low.toPlainString()));
        return state;
    }

    static DonchianBreakoutRule restore(DonchianBreakoutParams params, JsonNode state) {
        DonchianBreakoutRule rule = new DonchianBreakoutRule(params);
        state.required("highs").forEach(high -> rule.highs.addLast(new BigDecimal(high.asText())));
        state.required("lows").forEach(low -> rule.lows.addLast(new BigDecimal(low.asText())));
        if (rule.highs.size() != rule.lows.size() || rule.highs.size() > rule.capacity) {
            throw new IllegalArgumentException("a Donchian state holds " + rule.highs.size() + " highs and "
                    + rule.lows.size() + " lows for a channel of " + rule.capacity);
        }
        return rule;
    }
}
