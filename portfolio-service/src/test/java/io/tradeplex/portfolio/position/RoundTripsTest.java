package io.tradeplex.portfolio.position;

import io.tradeplex.contracts.orders.Side;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class RoundTripsTest {

    @Test
    void aTripThatEndsFlatWithAProfitNetOfFeesIsWon() {
        Tracker trip = new Tracker().fill(Side.BUY, "2", "100", "0.2").fill(Side.SELL, "1", "105", "0.1");
        assertThat(trip.trips.closed()).isZero();
        assertThat(trip.trips.openPnl()).isEqualByComparingTo("4.7");

        trip.fill(Side.SELL, "1", "101", "0.1");

        assertThat(trip.trips.closed()).isEqualTo(1);
        assertThat(trip.trips.won()).isEqualTo(1);
        assertThat(trip.trips.openPnl()).isZero();
    }

    @Test
    void aTripWhoseGainTheFeesEatIsLost() {
        Tracker trip = new Tracker().fill(Side.BUY, "1", "100", "0.3").fill(Side.SELL, "1", "100.5", "0.3");

        assertThat(trip.trips.closed()).isEqualTo(1);
        assertThat(trip.trips.won()).isZero();
    }

    @Test
    void aShortTripWinsWhenThePriceFalls() {
        Tracker trip = new Tracker().fill(Side.SELL, "3", "50", "0").fill(Side.BUY, "3", "40", "0");

        assertThat(trip.trips).isEqualTo(new RoundTrips(BigDecimal.ZERO, 1, 1));
    }

    @Test
    void aReversalEndsOneTripAndOpensTheNextWithItsShareOfTheFee() {
        // Long 1 at 100, then sell 3 at 110 with a fee of 0.3: 1 closes the long (fee 0.1), 2 open a short (fee 0.2).
        Tracker trip = new Tracker().fill(Side.BUY, "1", "100", "0").fill(Side.SELL, "3", "110", "0.3");

        assertThat(trip.position.quantity()).isEqualByComparingTo("-2");
        assertThat(trip.trips.closed()).isEqualTo(1);
        assertThat(trip.trips.won()).isEqualTo(1);
        assertThat(trip.trips.openPnl()).isEqualByComparingTo("-0.2");

        trip.fill(Side.BUY, "2", "120", "0");

        assertThat(trip.trips.closed()).isEqualTo(2);
        assertThat(trip.trips.won()).isEqualTo(1);
    }

    /** A position and its trips, moved fill by fill. */
    private static final class Tracker {
        Position position = Position.FLAT;
        RoundTrips trips = RoundTrips.NONE;

        Tracker fill(Side side, String quantity, String price, String fee) {
            Fill fill = new Fill(side, new BigDecimal(quantity), new BigDecimal(price), new BigDecimal(fee));
            Position.Applied applied = position.apply(fill);
            trips = trips.after(position, fill, applied);
            position = applied.position();
            return this;
        }
    }
}
