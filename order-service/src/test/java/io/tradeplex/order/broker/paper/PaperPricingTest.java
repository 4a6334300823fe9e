package io.tradeplex.order.broker.paper;

import io.tradeplex.contracts.orders.OrderType;
import io.tradeplex.contracts.orders.Side;
import io.tradeplex.order.broker.paper.PaperPricing.Liquidity;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class PaperPricingTest {
    private static final PaperPricing.Terms DEFAULTS = new PaperPricing.Terms(bd("5"), bd("10"), bd("10"), bd("1000"));
    private static final PaperPricing PRICING = new PaperPricing(DEFAULTS,
            Map.of("ETH-USD", new PaperPricing.Terms(bd("20"), bd("25"), bd("2"), bd("500"))), "USD");

    @Test
    void aMarketOrderPaysTheSymbolsSlippageAndALimitOrderTheMarketOnceCrossed() {
        assertThat(PRICING.executionPrice("BTC-USD", Side.BUY, OrderType.MARKET, null, bd("100"))).contains(bd("100.05000000"));
        assertThat(PRICING.executionPrice("BTC-USD", Side.SELL, OrderType.MARKET, null, bd("100"))).contains(bd("99.95000000"));
        assertThat(PRICING.executionPrice("ETH-USD", Side.BUY, OrderType.MARKET, null, bd("100"))).contains(bd("100.20000000"));
        assertThat(PRICING.executionPrice("ETH-USD", Side.BUY, OrderType.LIMIT, bd("90"), bd("90.01"))).isEmpty();
        assertThat(PRICING.executionPrice("ETH-USD", Side.BUY, OrderType.LIMIT, bd("90"), bd("89"))).contains(bd("89"));
        assertThat(PRICING.executionPrice("ETH-USD", Side.SELL, OrderType.LIMIT, bd("90"), bd("89"))).isEmpty();
    }

    @Test
    void oneTickFillsTheSymbolsDepthAtMostAndNeverMoreThanRemains() {
        // 1,000 USD at 100 = 10; 500 USD at 100 = 5; rounded down to 8 decimals.
        assertThat(PRICING.fillableQuantity("BTC-USD", bd("25"), bd("100"))).isEqualByComparingTo("10");
        assertThat(PRICING.fillableQuantity("ETH-USD", bd("25"), bd("100"))).isEqualByComparingTo("5");
        assertThat(PRICING.fillableQuantity("BTC-USD", bd("3"), bd("100"))).isEqualByComparingTo("3");
        assertThat(PRICING.fillableQuantity("BTC-USD", bd("25"), bd("3"))).isEqualByComparingTo("25");
        assertThat(PRICING.fillableQuantity("BTC-USD", bd("25"), bd("3000"))).isEqualByComparingTo("0.33333333");
        // A price far beyond the depth still fills the smallest step, so the order keeps moving.
        assertThat(PRICING.fillableQuantity("BTC-USD", bd("1"), bd("1e12"))).isEqualByComparingTo("0.00000001");
    }

    @Test
    void feesAreTheSymbolsMakerOrTakerRateAndTheWorstOfBothForWhatIsNotFilledYet() {
        assertThat(PRICING.fee("BTC-USD", Liquidity.TAKER, bd("2"), bd("100"))).isEqualByComparingTo("0.2");
        assertThat(PRICING.fee("ETH-USD", Liquidity.TAKER, bd("2"), bd("100"))).isEqualByComparingTo("0.5");
        assertThat(PRICING.fee("ETH-USD", Liquidity.MAKER, bd("2"), bd("100"))).isEqualByComparingTo("0.04");
        assertThat(PRICING.worstFee("ETH-USD", bd("2"), bd("100"))).isEqualByComparingTo("0.5");
    }

    @Test
    void theMostSpecificKeyWinsAndASymbolsFeeIsItsMakerFeeUnlessItNamesOne() {
        PaperConfig config = config(Optional.of(bd("4")));
        assertThat(PaperPricing.resolve(config, symbol(null, "30", null, null)))
                .isEqualTo(new PaperPricing.Terms(bd("5"), bd("30"), bd("30"), bd("1000")));
        assertThat(PaperPricing.resolve(config, symbol("1", null, "3", "50")))
                .isEqualTo(new PaperPricing.Terms(bd("1"), bd("10"), bd("3"), bd("50")));
        assertThat(PaperPricing.resolve(config, symbol(null, null, null, null)))
                .isEqualTo(new PaperPricing.Terms(bd("5"), bd("10"), bd("4"), bd("1000")));
        assertThat(PaperPricing.defaultsOf(config(Optional.empty())))
                .isEqualTo(new PaperPricing.Terms(bd("5"), bd("10"), bd("10"), bd("1000")));
    }

    private static PaperConfig config(Optional<BigDecimal> makerFeeBps) {
        return new PaperConfig() {
            public BigDecimal slippageBps() { return bd("5"); }
            public BigDecimal feeBps() { return bd("10"); }
            public Optional<BigDecimal> makerFeeBps() { return makerFeeBps; }
            public String feeCurrency() { return "USD"; }
            public BigDecimal depthUsd() { return bd("1000"); }
            public Map<String, Symbol> symbols() { return Map.of(); }
        };
    }

    private static PaperConfig.Symbol symbol(String slippageBps, String feeBps, String makerFeeBps, String depthUsd) {
        return new PaperConfig.Symbol() {
            public Optional<BigDecimal> slippageBps() { return Optional.ofNullable(slippageBps).map(BigDecimal::new); }
            public Optional<BigDecimal> feeBps() { return Optional.ofNullable(feeBps).map(BigDecimal::new); }
            public Optional<BigDecimal> makerFeeBps() { return Optional.ofNullable(makerFeeBps).map(BigDecimal::new); }
            public Optional<BigDecimal> depthUsd() { return Optional.ofNullable(depthUsd).map(BigDecimal::new); }
        };
    }

    private static BigDecimal bd(String value) {
        return new BigDecimal(value);
    }
}
