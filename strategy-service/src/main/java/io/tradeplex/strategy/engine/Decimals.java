package io.tradeplex.strategy.engine;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Arithmetic and display of indicator values. */
final class Decimals {
    /** Every division and multiplication that can round, so a run gives the same digits on any machine. */
    static final MathContext MATH = MathContext.DECIMAL64;
    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final MathContext DISPLAY = new MathContext(8, RoundingMode.HALF_EVEN);

    private Decimals() {
    }

    /** Eight significant digits, plain: enough to recognise a value in a reason, short enough to read. */
    static String show(BigDecimal value) {
        BigDecimal rounded = value.round(DISPLAY).stripTrailingZeros();
        return (rounded.scale() < 0 ? rounded.setScale(0) : rounded).toPlainString();
    }

    /** Every digit, without trailing zeros: 11.25, not 11.250000. */
    static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    /** {@code value × (1 + pct / 100)}; pct may be negative. */
    static BigDecimal plusPercent(BigDecimal value, BigDecimal pct) {
        return value.multiply(BigDecimal.ONE.add(pct.movePointLeft(2)), MATH);
    }
}
