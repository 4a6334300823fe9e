package io.tradeplex.portfolio.position;

import java.math.BigDecimal;
import java.util.UUID;

/** An open position as the daily P&L tracker reads it, across users. */
public record OpenPosition(UUID userId, UUID accountId, String symbol, BigDecimal quantity, BigDecimal avgPrice) {

    public BigDecimal unrealizedPnl(BigDecimal markPrice) {
        return new Position(quantity, avgPrice, BigDecimal.ZERO, BigDecimal.ZERO).unrealizedPnl(markPrice);
    }
}
