package io.tradeplex.order.risk;

import io.tradeplex.order.execution.Rejection;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class CapitalRulesTest {
    private static final UUID ACCOUNT = UUID.randomUUID();

    @Test
    void aBuyMayCostExactlyWhatIsAvailableAndNotACentMore() {
        // 1,000 capital - 300 spent (fees included) + 50 from sales - 200 reserved = 550 available.
        assertThat(CapitalRules.checkBuy(usd("1000"), usd("550"), usd("-250"), usd("200"))).isEmpty();
        Optional<Rejection> over = CapitalRules.checkBuy(usd("1000"), usd("550.01"), usd("-250"), usd("200"));
        assertThat(over.map(Rejection::code)).contains(CapitalRules.INSUFFICIENT_CAPITAL);
        assertThat(over.get().reason()).contains("550.01 USD with fees").contains("550.00 USD available");
    }

    @Test
    void whatTheAccountSpentAndReservedCanLeaveNothingAvailable() {
        assertThat(CapitalRules.checkBuy(usd("100"), usd("0.01"), usd("-100"), usd("0")).map(Rejection::code))
                .contains(CapitalRules.INSUFFICIENT_CAPITAL);
        assertThat(CapitalRules.checkBuy(usd("100"), usd("0.01"), usd("0"), usd("100")).map(Rejection::code))
                .contains(CapitalRules.INSUFFICIENT_CAPITAL);
    }

    @Test
    void aSellComesOutOfWhatIsHeldLessOpenSellsAndNeverGoesShort() {
        List<Exposure> held = List.of(new Exposure(ACCOUNT, "BTC-USD", usd("2"), usd("0"), usd("0.5")),
                new Exposure(UUID.randomUUID(), "ETH-USD", usd("9"), usd("0"), usd("0")));
        assertThat(CapitalRules.checkSell(ACCOUNT, "BTC-USD", usd("1.5"), held)).isEmpty();
        Optional<Rejection> beyond = CapitalRules.checkSell(ACCOUNT, "BTC-USD", usd("1.50000001"), held);
        assertThat(beyond.map(Rejection::code)).contains(CapitalRules.INSUFFICIENT_POSITION);
        assertThat(beyond.get().reason()).contains("at most 1.5 BTC-USD");
        // Another account's holding does not cover this one.
        assertThat(CapitalRules.checkSell(ACCOUNT, "ETH-USD", usd("1"), held).map(Rejection::code))
                .contains(CapitalRules.INSUFFICIENT_POSITION);
    }

    private static BigDecimal usd(String value) {
        return new BigDecimal(value);
    }
}
