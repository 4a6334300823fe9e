package io.tradeplex.order.broker.paper;

import io.tradeplex.contracts.orders.OrderType;
import io.tradeplex.contracts.orders.Side;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * When, at what price, how much and for what fee a paper order executes against a tick, per symbol. The arithmetic
 * takes the resolved terms only, so every case is unit-tested without the application.
 */
@ApplicationScoped
public class PaperPricing {
    private static final BigDecimal BPS = new BigDecimal("10000");
    private static final int SCALE = 8;
    /** The smallest quantity a tick fills, so a price far above the depth still makes progress on every tick. */
    private static final BigDecimal MIN_FILL = BigDecimal.ONE.movePointLeft(SCALE);

    /** Who took the price: a market order or a limit order that met the market on arrival pays the taker fee. */
    public enum Liquidity { MAKER, TAKER }

    /** One symbol's terms with every default applied. */
    public record Terms(BigDecimal slippageBps, BigDecimal takerFeeBps, BigDecimal makerFeeBps, BigDecimal depthUsd) {
    }

    private final Terms defaults;
    private final Map<String, Terms> bySymbol;
    private final String feeCurrency;

    @Inject
    public PaperPricing(PaperConfig config) {
        this(defaultsOf(config), config.symbols().entrySet().stream().collect(Collectors.toUnmodifiableMap(
                Map.Entry::getKey, entry -> resolve(config, entry.getValue()))), config.feeCurrency());
    }

    public PaperPricing(Terms defaults, Map<String, Terms> bySymbol, String feeCurrency) {
        this.defaults = defaults;
        this.bySymbol = Map.copyOf(bySymbol);
        this.feeCurrency = feeCurrency;
    }

    static Terms defaultsOf(PaperConfig config) {
        return new Terms(config.slippageBps(), config.feeBps(), config.makerFeeBps().orElse(config.feeBps()),
                config.depthUsd());
    }

    /** The most specific key wins; a symbol's fee-bps is its maker fee too unless it names one. */
    static Terms resolve(PaperConfig config, PaperConfig.Symbol symbol) {
        Terms fallback = defaultsOf(config);
        return new Terms(
                symbol.slippageBps().orElse(fallback.slippageBps()),
                symbol.feeBps().orElse(fallback.takerFeeBps()),
                symbol.makerFeeBps().or(symbol::feeBps).orElse(fallback.makerFeeBps()),
                symbol.depthUsd().orElse(fallback.depthUsd()));
    }

    public Terms termsOf(String symbol) {
        return bySymbol.getOrDefault(symbol, defaults);
    }

    public String feeCurrency() {
        return feeCurrency;
    }

    /**
     * A market order pays the slippage; a limit order executes once the market trades at or through its limit, at the
     * market price (never worse than the limit) and without slippage, as a resting order would.
     */
    public Optional<BigDecimal> executionPrice(String symbol, Side side, OrderType type, BigDecimal limitPrice,
                                               BigDecimal marketPrice) {
        if (type == OrderType.MARKET) {
            BigDecimal slippage = termsOf(symbol).slippageBps().multiply(BigDecimal.valueOf(side.sign())).divide(BPS);
            return Optional.of(marketPrice.multiply(BigDecimal.ONE.add(slippage)).setScale(SCALE, RoundingMode.HALF_EVEN));
        }
        boolean crosses = side == Side.BUY ? marketPrice.compareTo(limitPrice) <= 0 : marketPrice.compareTo(limitPrice) >= 0;
        return crosses ? Optional.of(marketPrice) : Optional.empty();
    }

    /** How much of what remains one tick at this market price fills: the symbol's depth, at most what remains. */
    public BigDecimal fillableQuantity(String symbol, BigDecimal remaining, BigDecimal marketPrice) {
        BigDecimal depth = termsOf(symbol).depthUsd().divide(marketPrice, SCALE, RoundingMode.DOWN).max(MIN_FILL);
        return remaining.min(depth);
    }

    public BigDecimal fee(String symbol, Liquidity liquidity, BigDecimal quantity, BigDecimal price) {
        Terms terms = termsOf(symbol);
        return feeAt(liquidity == Liquidity.MAKER ? terms.makerFeeBps() : terms.takerFeeBps(), quantity, price);
    }

    /** The fee to set aside for a quantity not filled yet: either rate may apply, so the higher one. */
    public BigDecimal worstFee(String symbol, BigDecimal quantity, BigDecimal price) {
        Terms terms = termsOf(symbol);
        return feeAt(terms.makerFeeBps().max(terms.takerFeeBps()), quantity, price);
    }

    private static BigDecimal feeAt(BigDecimal bps, BigDecimal quantity, BigDecimal price) {
        return quantity.multiply(price).multiply(bps).divide(BPS, SCALE, RoundingMode.HALF_EVEN);
    }
}
