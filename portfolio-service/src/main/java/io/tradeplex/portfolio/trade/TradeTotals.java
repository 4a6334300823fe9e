package io.tradeplex.portfolio.trade;

import java.math.BigDecimal;

/**
 * Sums over some of a user's trades.
 *
 * @param realizedPnl before fees
 */
public record TradeTotals(long fills, BigDecimal realizedPnl, BigDecimal fees) {
    public static final TradeTotals NONE = new TradeTotals(0, BigDecimal.ZERO, BigDecimal.ZERO);

    public TradeTotals plus(TradeTotals other) {
        return new TradeTotals(fills + other.fills, realizedPnl.add(other.realizedPnl), fees.add(other.fees));
    }
}
