package io.tradeplex.portfolio.stats;

import java.math.BigDecimal;

/**
 * A user's trading statistics; decimals are written as strings.
 *
 * @param totalTrades     fills applied
 * @param winRate         share (0 to 1) of position-reducing fills that realized a profit; 0 when there are none
 * @param totalPnl        realized + unrealized − fees
 * @param realizedPnl     before fees
 * @param unrealizedPnl   of the open positions at the latest marks
 * @param activePositions open positions
 */
public record PortfolioStats(long totalTrades, BigDecimal winRate, BigDecimal totalPnl, BigDecimal realizedPnl,
                             BigDecimal unrealizedPnl, BigDecimal fees, int activePositions) {
}
