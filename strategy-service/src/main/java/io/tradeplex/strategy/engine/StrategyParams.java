package io.tradeplex.strategy.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;

/**
 * A template's validated parameters. Only {@link TemplateCatalog#validate} makes them from client input, so a record
 * held anywhere has passed every range check. Every template buys {@code orderSizeUsd} worth and sells what it bought
 * (paper accounts cannot short); the three exits are optional percentages, null when not set.
 */
public sealed interface StrategyParams permits SmaCrossoverParams, RsiMeanReversionParams, DonchianBreakoutParams {

    Template template();

    BigDecimal orderSizeUsd();

    /** Sell when a close is at or below the entry price less this percentage; null for none. */
    BigDecimal stopLossPct();

    /** Sell when a close is at or above the entry price plus this percentage; null for none. */
    BigDecimal takeProfitPct();

    /** Sell when a close is at or below the highest close since entry less this percentage; null for none. */
    BigDecimal trailingStopPct();

    /** Closed bars a new run must see (see {@link StrategyRun#warmUp}) before the next bar can give a signal. */
    int barsNeeded();

    /**
     * The parameters as a client sends them (decimals as strings, absent exits left out); {@link TemplateCatalog#validate}
     * reads this back into an equal record, so it is what to store.
     */
    ObjectNode toJson();
}
