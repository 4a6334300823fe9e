package io.tradeplex.strategy.backtest;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tradeplex.strategy.engine.StrategyParams;
import io.tradeplex.strategy.market.bars.BarInterval;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A checked backtest request with every default filled in: what runs, and what the client reads back as
 * {@code request}.
 *
 * @param from null for the start of the history
 * @param to   null for its end
 */
public record BacktestSpec(StrategyParams params, List<String> symbols, BarInterval interval, Instant from, Instant to,
                           BigDecimal initialCapitalUsd, BigDecimal feeBps, BigDecimal slippageBps) {
    /** BarHistory takes a range; these stand for "from the beginning" and "to the end". */
    static final Instant EARLIEST = Instant.EPOCH;
    static final Instant LATEST = Instant.parse("9999-12-31T00:00:00Z");

    public BacktestSpec {
        symbols = List.copyOf(symbols);
    }

    Instant fromOrEarliest() {
        return from == null ? EARLIEST : from;
    }

    Instant toOrLatest() {
        return to == null ? LATEST : to;
    }

    FillModel fills() {
        return new FillModel(feeBps, slippageBps);
    }

    ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("template", params.template().wire());
        symbols.forEach(json.putArray("symbols")::add);
        json.set("params", params.toJson());
        json.put("interval", interval.label());
        json.put("from", from == null ? null : from.toString());
        json.put("to", to == null ? null : to.toString());
        json.put("initialCapitalUsd", initialCapitalUsd.toPlainString());
        json.put("feeBps", feeBps.toPlainString());
        json.put("slippageBps", slippageBps.toPlainString());
        return json;
    }
}
