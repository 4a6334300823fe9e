package io.tradeplex.portfolio.stats;

import java.math.BigDecimal;

/** Walks an equity curve from zero and keeps the largest fall from a running peak. */
final class Drawdown {
    private BigDecimal equity = BigDecimal.ZERO;
    private BigDecimal peak = BigDecimal.ZERO;
    private BigDecimal max = BigDecimal.ZERO;

    void move(BigDecimal change) {
        equity = equity.add(change);
        peak = peak.max(equity);
        max = max.max(peak.subtract(equity));
    }

    /** The largest fall, counting today's point marked to market with {@code unrealized}. */
    BigDecimal maxWith(BigDecimal unrealized) {
        return max.max(peak.subtract(equity.add(unrealized)));
    }
}
