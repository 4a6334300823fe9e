package io.tradeplex.portfolio.trade;

import io.tradeplex.contracts.orders.Side;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A fill as the API shows it; decimals are written as strings.
 *
 * @param realizedPnl realized by this fill on the position it reduced, before fees (zero if it only opened or added)
 */
public record TradeView(String fillId, UUID orderId, UUID accountId, String broker, String symbol, Side side,
                        BigDecimal quantity, BigDecimal price, BigDecimal fee, String feeCurrency,
                        BigDecimal realizedPnl, Instant executedAt) {
}
