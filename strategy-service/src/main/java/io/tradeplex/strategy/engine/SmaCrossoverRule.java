package io.tradeplex.strategy.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tradeplex.strategy.market.bars.Bar;

import java.math.BigDecimal;

/**
 * Enter when the fast average crosses above the slow one (it was at or below it after the previous bar, and is above
 * it now); exit when it crosses below in the same sense. The averages are compared through their exact sums
 * (fastSum × slowPeriod against slowSum × fastPeriod), never as rounded quotients.
 */
final class SmaCrossoverRule implements Rule {
    private final SmaCrossoverParams params;
    private final Window fast;
    private final Window slow;
    /** Sign of fast − slow after the previous bar; null until the slow window has been full once. */
    private Integer previousSide;

    SmaCrossoverRule(SmaCrossoverParams params) {
        this(params, new Window(params.fastPeriod()), new Window(params.slowPeriod()), null);
    }

    private SmaCrossoverRule(SmaCrossoverParams params, Window fast, Window slow, Integer previousSide) {
        this.params = params;
        this.fast = fast;
        this.slow = slow;
        this.previousSide = previousSide;
    }

    @Override
    public Verdict next(Bar bar) {
        fast.add(bar.close());
        slow.add(bar.close());
        if (!slow.full()) {
            return Verdict.NONE;
        }
        int side = Integer.signum(fast.sum().multiply(BigDecimal.valueOf(slow.size()))
                .compareTo(slow.sum().multiply(BigDecimal.valueOf(fast.size()))));
        Integer before = previousSide;
        previousSide = side;
        if (before == null) {
            return Verdict.NONE;
        }
        if (before <= 0 && side > 0) {
            return Verdict.enter(describe("above"));
        }
        if (before >= 0 && side < 0) {
            return Verdict.exit(describe("below"));
        }
        return Verdict.NONE;
    }

    private String describe(String direction) {
        return "SMA(" + params.fastPeriod() + ") " + Decimals.show(fast.average()) + " crossed " + direction
                + " SMA(" + params.slowPeriod() + ") " + Decimals.show(slow.average());
    }

    /** The fast window's values are the newest of the slow window's, so only the slow one's are stored. */
    @Override
    public ObjectNode state() {
        ObjectNode state = JsonNodeFactory.instance.objectNode();
        state.set("closes", slow.toJson());
        state.put("fastSum", fast.sum().toPlainString());
        state.put("slowSum", slow.sum().toPlainString());
        if (previousSide != null) {
            state.put("previousSide", previousSide);
        }
        return state;
    }

    static SmaCrossoverRule restore(SmaCrossoverParams params, JsonNode state) {
        JsonNode closes = state.required("closes");
        var newestFast = JsonNodeFactory.instance.arrayNode();
        for (int i = Math.max(0, closes.size() - params.fastPeriod()); i < closes.size(); i++) {
            newestFast.add(closes.get(i));
        }
        JsonNode side = state.get("previousSide");
        return new SmaCrossoverRule(params,
                Window.restore(params.fastPeriod(), newestFast, state.required("fastSum").asText()),
                Window.restore(params.slowPeriod(), closes, state.required("slowSum").asText()),
                side == null ? null : side.intValue());
    }
}
