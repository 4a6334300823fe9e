package io.tradeplex.strategy.backtest;

import io.tradeplex.contracts.orders.Side;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How a backtest fills a signal, like the paper broker fills a market order: at the price it meets (here the open of
 * the bar after the signal's bar) moved {@code slippageBps} against the order, and a fee of {@code feeBps} of the
 * notional. Prices and fees are rounded half-even to 8 decimals, as the paper broker rounds them.
 */
record FillModel(BigDecimal feeBps, BigDecimal slippageBps) {
    static final int SCALE = 8;
    private static final BigDecimal BPS = new BigDecimal("10000");

    BigDecimal price(Side side, BigDecimal open) {
        BigDecimal slippage = slippageBps.multiply(BigDecimal.valueOf(side.sign())).divide(BPS);
        return open.multiply(BigDecimal.ONE.add(slippage)).setScale(SCALE, RoundingMode.HALF_EVEN);
    }

    BigDecimal fee(BigDecimal quantity, BigDecimal price) {
        return quantity.multiply(price).multiply(feeBps).divide(BPS, SCALE, RoundingMode.HALF_EVEN);
    }
}
