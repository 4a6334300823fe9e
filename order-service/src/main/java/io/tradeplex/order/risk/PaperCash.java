package io.tradeplex.order.risk;

import io.tradeplex.contracts.orders.OrderType;

import java.math.BigDecimal;
import java.util.List;

/**
 * A paper account's cash as its own orders left it.
 *
 * @param settled  proceeds of filled sells, minus the cost of filled buys, minus every fee paid (negative after buying)
 * @param openBuys the buy orders that may still spend cash
 */
public record PaperCash(BigDecimal settled, List<OpenBuy> openBuys) {

    /** @param averageFillPrice what the order paid so far, or null before its first fill */
    public record OpenBuy(String symbol, OrderType type, BigDecimal limitPrice, BigDecimal remainingQuantity,
                          BigDecimal averageFillPrice) {
    }
}
