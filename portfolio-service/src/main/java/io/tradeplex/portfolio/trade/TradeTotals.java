package io.tradeplex.portfolio.trade;

import java.math.BigDecimal;

/**
 * Sums over a user's trades.
 *
 * @param reducingFills fills that reduced an open position (the ones that can win or lose)
 * @param winningFills  reducing fills with a positive realized P&L
 * @param realizedPnl   before fees
 */
public record TradeTotals(long fills, long reducingFills, long winningFills, BigDecimal realizedPnl, BigDecimal fees) {
}
