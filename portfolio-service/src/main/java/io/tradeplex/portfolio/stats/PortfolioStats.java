package io.tradeplex.portfolio.stats;

import java.math.BigDecimal;
import java.util.List;

/**
 * A user's trading statistics, overall and per broker account; decimals are written as strings.
 *
 * @param totalTrades     fills applied
 * @param roundTrips      positions taken from flat back to flat (or through it)
 * @param winRate         share (0 to 1) of round trips whose realized P&L net of their fees was positive; 0 when none
 * @param totalPnl        realized + unrealized − fees
 * @param realizedPnl     before fees
 * @param unrealizedPnl   of the open positions at the latest marks
 * @param activePositions open positions
 * @param maxDrawdown     the largest fall, in USD, from a peak of the equity curve (realized − fees after each fill,
 *                        and now also marked to market), positive or zero
 * @param accounts        the same figures per broker account; empty inside an account's own entry
 */
public record PortfolioStats(long totalTrades, long roundTrips, BigDecimal winRate, BigDecimal totalPnl,
                             BigDecimal realizedPnl, BigDecimal unrealizedPnl, BigDecimal fees, int activePositions,
                             BigDecimal maxDrawdown, List<AccountStats> accounts) {

    public record AccountStats(java.util.UUID accountId, long totalTrades, long roundTrips, BigDecimal winRate,
                               BigDecimal totalPnl, BigDecimal realizedPnl, BigDecimal unrealizedPnl, BigDecimal fees,
                               int activePositions, BigDecimal maxDrawdown) {
    }
}
