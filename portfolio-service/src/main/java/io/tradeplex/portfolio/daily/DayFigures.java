package io.tradeplex.portfolio.daily;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * One account's figures for one trading day. The day's P&L is the change over the day of realized + unrealized − fees:
 * what the day realized, less its fees, plus how far the open positions' unrealized P&L moved since the day began.
 * Realizing a carried position moves its unrealized P&L into realized, so it counts once, on the day the price moved.
 *
 * @param unrealizedOpen what the positions carried into the day had unrealized when it began
 * @param unrealizedNow  what the open positions have unrealized now (or had at the day's last mark)
 */
public record DayFigures(UUID accountId, BigDecimal realizedPnl, BigDecimal fees, long trades,
                         BigDecimal unrealizedOpen, BigDecimal unrealizedNow) {

    public BigDecimal unrealizedChange() {
        return unrealizedNow.subtract(unrealizedOpen);
    }

    public BigDecimal netPnl() {
        return realizedPnl.subtract(fees).add(unrealizedChange());
    }

    public DayFigures plus(DayFigures other) {
        return new DayFigures(null, realizedPnl.add(other.realizedPnl), fees.add(other.fees), trades + other.trades,
                unrealizedOpen.add(other.unrealizedOpen), unrealizedNow.add(other.unrealizedNow));
    }

    public static DayFigures zero(UUID accountId) {
        return new DayFigures(accountId, BigDecimal.ZERO, BigDecimal.ZERO, 0, BigDecimal.ZERO, BigDecimal.ZERO);
    }
}
