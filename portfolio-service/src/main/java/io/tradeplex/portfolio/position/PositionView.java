package io.tradeplex.portfolio.position;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * An open position as the API shows it; decimals are written as strings.
 *
 * @param marketPrice the latest tick's price, or the average price while no tick of the symbol is known
 */
public record PositionView(UUID accountId, String symbol, BigDecimal quantity, BigDecimal avgPrice,
                           BigDecimal marketPrice, BigDecimal unrealizedPnl) {
}
