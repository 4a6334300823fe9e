package io.tradeplex.portfolio.position;

import io.tradeplex.contracts.orders.Side;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For any sequence of fills, average-cost accounting must agree with plain cash: what was realized plus what is
 * unrealized at any mark, less fees, equals the cash the fills moved plus the final position valued at that mark.
 * The only gap allowed is the rounding of the average price to the ledger's 18 decimals.
 */
class PositionPropertiesTest {
    private static final BigDecimal ROUNDING = new BigDecimal("1e-9");

    @Property(tries = 500)
    void realizedPlusUnrealizedMinusFeesIsTheCashFlow(@ForAll("fills") @Size(min = 1, max = 40) List<Fill> fills,
                                                      @ForAll("prices") BigDecimal mark) {
        Position position = Position.FLAT;
        RoundTrips trips = RoundTrips.NONE;
        BigDecimal cash = BigDecimal.ZERO;
        BigDecimal tripResults = BigDecimal.ZERO;
        for (Fill fill : fills) {
            Position.Applied applied = position.apply(fill);
            RoundTrips next = trips.after(position, fill, applied);
            if (next.closed() > trips.closed()) {
                // The trip that ended took its open result, this fill's realized P&L and its share of the fee.
                tripResults = tripResults.add(trips.openPnl()).add(applied.realizedPnl()).subtract(fill.fee())
                        .subtract(next.openPnl());
            }
            trips = next;
            position = applied.position();
            cash = cash.subtract(fill.signedQuantity().multiply(fill.price())).subtract(fill.fee());
        }

        BigDecimal accounted = position.realizedPnl().add(position.unrealizedPnl(mark)).subtract(position.fees());
        BigDecimal cashValue = cash.add(position.quantity().multiply(mark));
        assertThat(accounted.subtract(cashValue).abs()).isLessThanOrEqualTo(ROUNDING);
        // The round trips split the same result: ended trips plus the open one are realized less fees.
        assertThat(tripResults.add(trips.openPnl()).subtract(position.realizedPnl().subtract(position.fees())).abs())
                .isLessThanOrEqualTo(ROUNDING);
        assertThat(position.quantity()).isEqualByComparingTo(
                fills.stream().map(Fill::signedQuantity).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    @Provide
    Arbitrary<List<Fill>> fills() {
        Arbitrary<Side> sides = Arbitraries.of(Side.BUY, Side.SELL);
        Arbitrary<BigDecimal> quantities = Arbitraries.bigDecimals().between(new BigDecimal("0.0001"), new BigDecimal("1000"))
                .ofScale(4);
        Arbitrary<BigDecimal> fees = Arbitraries.bigDecimals().between(new BigDecimal("-0.5"), new BigDecimal("25"))
                .ofScale(6);
        return Combinators.combine(sides, quantities, prices(), fees).as(Fill::new).list();
    }

    @Provide
    Arbitrary<BigDecimal> prices() {
        return Arbitraries.bigDecimals().between(new BigDecimal("0.01"), new BigDecimal("100000")).ofScale(2);
    }
}
