package io.tradeplex.strategy.engine;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;

/** Writes the parameters every template shares, in the shape clients send them. */
final class ParamsJson {
    private ParamsJson() {
    }

    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    static ObjectNode common(ObjectNode json, StrategyParams params) {
        json.put("orderSizeUsd", params.orderSizeUsd().toPlainString());
        putIfSet(json, "stopLossPct", params.stopLossPct());
        putIfSet(json, "takeProfitPct", params.takeProfitPct());
        putIfSet(json, "trailingStopPct", params.trailingStopPct());
        return json;
    }

    private static void putIfSet(ObjectNode json, String name, BigDecimal value) {
        if (value != null) {
            json.put(name, value.toPlainString());
        }
    }
}
