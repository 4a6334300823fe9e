package io.tradeplex.order.broker.paper;

import io.tradeplex.contracts.orders.OrderType;
import io.tradeplex.contracts.orders.Side;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/** When and at what price a paper order executes against a market price. Pure, so every case is unit-tested. */
public final class PaperPricing {
    private static final BigDecimal BPS = new BigDecimal("10000");
    private static final int SCALE = 8;

    private final BigDecimal slippageBps;
    private final BigDecimal feeBps;

    public PaperPricing(BigDecimal slippageBps, BigDecimal feeBps) {
        this.slippageBps = slippageBps;
        this.feeBps = feeBps;
    }

    /**
     * A market order pays the slippage; a limit order executes once the market trades at or through its limit, at the
     * market price (never worse than the limit) and without slippage, as a resting order would.
     */
    public Optional<BigDecimal> executionPrice(Side side, OrderType type, BigDecimal limitPrice, BigDecimal marketPrice) {
        if (type == OrderType.MARKET) {
            BigDecimal factor = BigDecimal.ONE.add(slippageBps.multiply(BigDecimal.valueOf(side.sign())).divide(BPS));
            return Optional.of(marketPrice.multiply(factor).setScale(SCALE, RoundingMode.HALF_EVEN));
        }
        boolean crosses = side == Side.BUY ? marketPrice.compareTo(limitPrice) <= 0 : marketPrice.compareTo(limitPrice) >= 0;
        return crosses ? Optional.of(marketPrice) : Optional.empty();
    }

    public BigDecimal fee(BigDecimal quantity, BigDecimal price) {
        return quantity.multiply(price).multiply(feeBps).divide(BPS, SCALE, RoundingMode.HALF_EVEN);
    }
}
