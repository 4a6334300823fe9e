package io.tradeplex.order.risk;

import io.tradeplex.contracts.orders.Side;
import io.tradeplex.contracts.users.UserState;
import io.tradeplex.order.execution.Rejection;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ExposureRulesTest {
    private static final UUID ACCOUNT = UUID.randomUUID();
    private static final UserState.Limits LIMITS = new UserState.Limits(usd("50"), usd("50"), usd("25"), 2,
            List.of("BTC-USD", "ETH-USD", "SOL-USD"), null);

    @Test
    void aPositionMayGrowUpToTheLimitCountingOpenOrdersOnTheSameSide() {
        List<Exposure> held = List.of(exposure("BTC-USD", "0.0004", "0.0002", "0"));
        // 0.0004 held + 0.0002 open + 0.0001 = 0.0007 BTC at 64,000 = 44.80 USD
        assertThat(check(held, "BTC-USD", Side.BUY, "0.0001")).isEmpty();
        // + 0.0003 = 0.0009 BTC = 57.60 USD
        assertThat(code(check(held, "BTC-USD", Side.BUY, "0.0003"))).isEqualTo(ExposureRules.MAX_POSITION_SIZE);
    }

    @Test
    void reducingAPositionAlwaysPassesEvenAboveTheLimit() {
        List<Exposure> held = List.of(exposure("BTC-USD", "0.01", "0", "0"));   // 640 USD, e.g. after a tier downgrade
        assertThat(check(held, "BTC-USD", Side.SELL, "0.005")).isEmpty();
        assertThat(code(check(held, "BTC-USD", Side.BUY, "0.0001"))).isEqualTo(ExposureRules.MAX_POSITION_SIZE);
    }

    @Test
    void aNewPositionBeyondTheMaximumCountIsRefusedButAddingToAnOpenOneIsNot() {
        List<Exposure> held = List.of(exposure("BTC-USD", "0.0001", "0", "0"), exposure("ETH-USD", "0", "0.001", "0"));
        assertThat(code(check(held, "SOL-USD", Side.BUY, "0.0001"))).isEqualTo(ExposureRules.MAX_OPEN_POSITIONS);
        assertThat(check(held, "BTC-USD", Side.BUY, "0.0001")).isEmpty();
        List<Exposure> oneClosed = List.of(exposure("BTC-USD", "0.0001", "0", "0"), exposure("ETH-USD", "0", "0", "0"));
        assertThat(check(oneClosed, "SOL-USD", Side.BUY, "0.0001")).isEmpty();
    }

    @Test
    void aShortIsAPositionToo() {
        assertThat(code(check(List.of(), "BTC-USD", Side.SELL, "0.001"))).isEqualTo(ExposureRules.MAX_POSITION_SIZE);
        assertThat(check(List.of(), "BTC-USD", Side.SELL, "0.0005")).isEmpty();
    }

    private static Optional<Rejection> check(List<Exposure> held, String symbol, Side side, String quantity) {
        return ExposureRules.check(LIMITS, new ExposureRules.Ask(ACCOUNT, symbol, side, usd(quantity), usd("64000")), held);
    }

    private static Exposure exposure(String symbol, String position, String openBuy, String openSell) {
        return new Exposure(ACCOUNT, symbol, usd(position), usd(openBuy), usd(openSell));
    }

    private static String code(Optional<Rejection> rejection) {
        return rejection.map(Rejection::code).orElse("none");
    }

    private static BigDecimal usd(String value) {
        return new BigDecimal(value);
    }
}
