package io.tradeplex.portfolio.position;

import io.tradeplex.contracts.orders.Side;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PositionTest {

    @Test
    void aBuyFromFlatOpensALongAtTheFillPrice() {
        Position.Applied applied = Position.FLAT.apply(buy("2", "100", "0.2"));

        assertPosition(applied.position(), "2", "100", "0", "0.2");
        assertThat(applied.closedQuantity()).isZero();
        assertThat(applied.realizedPnl()).isZero();
        assertThat(applied.reduced()).isFalse();
    }

    @Test
    void addingMovesTheAverageToTheQuantityWeightedMean() {
        Position position = Position.FLAT.apply(buy("2", "100", "0")).position()
                .apply(buy("1", "130", "0")).position();

        assertPosition(position, "3", "110", "0", "0");
    }

    @Test
    void reducingRealizesOnTheClosedPartAndKeepsTheAverage() {
        Position.Applied applied = long3At110().apply(sell("1", "120", "0.12"));

        assertPosition(applied.position(), "2", "110", "10", "0.12");
        assertThat(applied.closedQuantity()).isEqualByComparingTo("1");
        assertThat(applied.realizedPnl()).isEqualByComparingTo("10");
        assertThat(applied.reduced()).isTrue();
    }

    @Test
    void aLosingReductionRealizesALoss() {
        Position.Applied applied = long3At110().apply(sell("3", "100", "0"));

        assertThat(applied.realizedPnl()).isEqualByComparingTo("-30");
    }

    @Test
    void closingToZeroResetsTheAverageAndKeepsTheLifetimeTotals() {
        Position closed = long3At110().apply(sell("1", "120", "1")).position()
                .apply(sell("2", "105", "1")).position();

        assertPosition(closed, "0", "0", "0", "2");
        assertThat(closed.isOpen()).isFalse();

        Position reopened = closed.apply(buy("1", "90", "0.5")).position();
        assertPosition(reopened, "1", "90", "0", "2.5");
    }

    @Test
    void aSellLargerThanTheLongClosesItAndOpensAShortAtTheFillPrice() {
        Position.Applied applied = Position.FLAT.apply(buy("1", "100", "0")).position().apply(sell("3", "90", "0"));

        assertPosition(applied.position(), "-2", "90", "-10", "0");
        assertThat(applied.closedQuantity()).isEqualByComparingTo("1");
        assertThat(applied.realizedPnl()).isEqualByComparingTo("-10");
    }

    @Test
    void aShortAveragesLikeALongAndGainsWhenThePriceFalls() {
        Position shortPosition = Position.FLAT.apply(sell("2", "50", "0")).position()
                .apply(sell("2", "60", "0")).position();
        assertPosition(shortPosition, "-4", "55", "0", "0");

        Position.Applied covered = shortPosition.apply(buy("1", "40", "0"));
        assertPosition(covered.position(), "-3", "55", "15", "0");
        assertThat(covered.closedQuantity()).isEqualByComparingTo("1");

        Position.Applied losing = covered.position().apply(buy("1", "70", "0"));
        assertThat(losing.realizedPnl()).isEqualByComparingTo("-15");
    }

    @Test
    void aBuyLargerThanTheShortCoversItAndOpensALong() {
        Position.Applied applied = Position.FLAT.apply(sell("1", "50", "0")).position().apply(buy("3", "45", "0"));

        assertPosition(applied.position(), "2", "45", "5", "0");
        assertThat(applied.closedQuantity()).isEqualByComparingTo("1");
    }

    @Test
    void feesAccumulateApartAndNeverTouchTheAverageOrTheRealizedPnl() {
        Position position = Position.FLAT.apply(buy("1", "100", "1.5")).position()
                .apply(buy("1", "100", "-0.25")).position()
                .apply(sell("1", "110", "2")).position();

        assertPosition(position, "1", "100", "10", "3.25");
    }

    @Test
    void anAverageThatDoesNotDivideEvenlyKeepsEighteenDecimals() {
        Position position = Position.FLAT.apply(buy("1", "1", "0")).position().apply(buy("2", "2", "0")).position();

        assertThat(position.avgPrice()).isEqualTo(new BigDecimal("1.666666666666666667"));
    }

    @Test
    void unrealizedPnlFollowsTheSideOfThePosition() {
        Position longPosition = Position.FLAT.apply(buy("2", "100", "0")).position();
        Position shortPosition = Position.FLAT.apply(sell("2", "100", "0")).position();

        assertThat(longPosition.unrealizedPnl(new BigDecimal("110"))).isEqualByComparingTo("20");
        assertThat(shortPosition.unrealizedPnl(new BigDecimal("110"))).isEqualByComparingTo("-20");
        assertThat(Position.FLAT.unrealizedPnl(new BigDecimal("110"))).isZero();
    }

    /**
     * Whatever the path, the quantity is the sum of the signed fills, and realized + unrealized P&L equals the cash
     * the fills moved plus the open quantity valued at the mark: average cost only decides when P&L is realized.
     */
    @Test
    void randomFillSequencesConserveQuantityAndValue() {
        Random random = new Random(20261124);
        for (int run = 0; run < 200; run++) {
            Position position = Position.FLAT;
            BigDecimal quantity = BigDecimal.ZERO;
            BigDecimal cash = BigDecimal.ZERO;
            for (int i = 0; i < 40; i++) {
                Fill fill = new Fill(random.nextBoolean() ? Side.BUY : Side.SELL,
                        BigDecimal.valueOf(1 + random.nextInt(500), 2), BigDecimal.valueOf(1 + random.nextInt(20_000), 2),
                        BigDecimal.ZERO);
                position = position.apply(fill).position();
                quantity = quantity.add(fill.signedQuantity());
                cash = cash.subtract(fill.signedQuantity().multiply(fill.price()));
            }
            BigDecimal mark = BigDecimal.valueOf(1 + random.nextInt(20_000), 2);
            assertThat(position.quantity()).isEqualByComparingTo(quantity);
            BigDecimal pnl = position.realizedPnl().add(position.unrealizedPnl(mark));
            BigDecimal expected = cash.add(quantity.multiply(mark));
            assertThat(pnl.subtract(expected).abs().setScale(9, RoundingMode.HALF_UP)).isZero();
        }
    }

    @Test
    void refusesFillsTheLedgerCannotHold() {
        assertThatThrownBy(() -> buy("0", "100", "0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> buy("-1", "100", "0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> buy("1", "0", "0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> buy("0.0000000000000000001", "100", "0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Fill(null, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ZERO))
                .isInstanceOf(NullPointerException.class);
        assertThat(buy("1.000000000000000000000", "100", "0").quantity()).isEqualByComparingTo("1");
    }

    private static Position long3At110() {
        return Position.FLAT.apply(buy("3", "110", "0")).position();
    }

    private static Fill buy(String quantity, String price, String fee) {
        return new Fill(Side.BUY, new BigDecimal(quantity), new BigDecimal(price), new BigDecimal(fee));
    }

    private static Fill sell(String quantity, String price, String fee) {
        return new Fill(Side.SELL, new BigDecimal(quantity), new BigDecimal(price), new BigDecimal(fee));
    }

    private static void assertPosition(Position position, String quantity, String avgPrice, String realizedPnl,
                                       String fees) {
        assertThat(position.quantity()).as("quantity").isEqualByComparingTo(quantity);
        assertThat(position.avgPrice()).as("avgPrice").isEqualByComparingTo(avgPrice);
        assertThat(position.realizedPnl()).as("realizedPnl").isEqualByComparingTo(realizedPnl);
        assertThat(position.fees()).as("fees").isEqualByComparingTo(fees);
    }
}
