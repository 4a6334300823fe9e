package io.tradeplex.order.risk;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * Where a user stands in one symbol on one account: the filled position (signed, negative is short) and what open
 * orders could still add on each side.
 */
public record Exposure(UUID accountId, String symbol, BigDecimal position, BigDecimal openBuy, BigDecimal openSell) {

    public boolean isOpen() {
        return position.signum() != 0 || openBuy.signum() != 0 || openSell.signum() != 0;
    }
}
