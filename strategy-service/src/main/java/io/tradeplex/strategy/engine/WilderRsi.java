package io.tradeplex.strategy.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Wilder's RSI of a series of closes: the first average gain and loss are the plain means of the first {@code period}
 * changes, each later one is {@code (previous × (period − 1) + this change) / period}; RSI = 100 × avgGain /
 * (avgGain + avgLoss). That is Wilder's 100 − 100 / (1 + RS) without dividing by a zero loss: it reads 100 after only
 * gains, and 50 when prices have not moved at all.
 */
final class WilderRsi {
    private static final BigDecimal FIFTY = BigDecimal.valueOf(50);

    private final int period;
    private final BigDecimal periodDecimal;
    private final BigDecimal keep;
    private BigDecimal previousClose;
    /** Changes seen while seeding the first averages, up to {@code period}. */
    private int changes;
    private BigDecimal gains = BigDecimal.ZERO;
    private BigDecimal losses = BigDecimal.ZERO;
    /** Null until {@code period} changes have been seen. */
    private BigDecimal averageGain;
    private BigDecimal averageLoss;

    WilderRsi(int period) {
        this.period = period;
        this.periodDecimal = BigDecimal.valueOf(period);
        this.keep = BigDecimal.valueOf(period - 1L);
    }

    /** @return the RSI after this close, once {@code period} changes have been seen */
    Optional<BigDecimal> next(BigDecimal close) {
        BigDecimal before = previousClose;
        previousClose = close;
        if (before == null) {
            return Optional.empty();
        }
        BigDecimal change = close.subtract(before);
        BigDecimal gain = change.signum() > 0 ? change : BigDecimal.ZERO;
        BigDecimal loss = change.signum() < 0 ? change.negate() : BigDecimal.ZERO;
        if (averageGain == null) {
            gains = gains.add(gain);
            losses = losses.add(loss);
            changes++;
            if (changes < period) {
                return Optional.empty();
            }
            averageGain = gains.divide(periodDecimal, Decimals.MATH);
            averageLoss = losses.divide(periodDecimal, Decimals.MATH);
        } else {
            averageGain = smooth(averageGain, gain);
            averageLoss = smooth(averageLoss, loss);
        }
        BigDecimal total = averageGain.add(averageLoss, Decimals.MATH);
        return Optional.of(total.signum() == 0 ? FIFTY
                : Decimals.HUNDRED.multiply(averageGain, Decimals.MATH).divide(total, Decimals.MATH));
    }

    private BigDecimal smooth(BigDecimal average, BigDecimal change) {
        return average.multiply(keep, Decimals.MATH).add(change, Decimals.MATH).divide(periodDecimal, Decimals.MATH);
    }

    ObjectNode state() {
        ObjectNode state = JsonNodeFactory.instance.objectNode();
        if (previousClose != null) {
            state.put("previousClose", previousClose.toPlainString());
        }
        state.put("changes", changes);
        state.put("gains", gains.toPlainString());
        state.put("losses", losses.toPlainString());
        if (averageGain != null) {
            state.put("averageGain", averageGain.toPlainString());
            state.put("averageLoss", averageLoss.toPlainString());
        }
        return state;
    }

    static WilderRsi restore(int period, JsonNode state) {
        WilderRsi rsi = new WilderRsi(period);
        rsi.previousClose = decimal(state, "previousClose");
        rsi.changes = state.required("changes").intValue();
        rsi.gains = new BigDecimal(state.required("gains").asText());
        rsi.losses = new BigDecimal(state.required("losses").asText());
        rsi.averageGain = decimal(state, "averageGain");
        rsi.averageLoss = decimal(state, "averageLoss");
        if ((rsi.averageGain == null) != (rsi.averageLoss == null)) {
            throw new IllegalArgumentException("an RSI state needs both averages or neither");
        }
        return rsi;
    }

    private static BigDecimal decimal(JsonNode state, String name) {
        JsonNode value = state.get(name);
        return value == null ? null : new BigDecimal(value.asText());
    }
}
