package io.tradeplex.strategy.market.bars;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class BarAggregatorTest {
    private static final BigDecimal NONE = BigDecimal.ZERO;

    @Test
    void theFirstTickOfALaterMinuteClosesTheBarWithItsOpenHighLowCloseAndVolume() {
        BarAggregator aggregator = new BarAggregator("BTC-USD");
        aggregator.add(at("10:00:59"), price("99"), NONE);

        assertThat(aggregator.add(at("10:01:00"), price("100"), new BigDecimal("0.5"))).isEmpty();
        assertThat(aggregator.add(at("10:01:10"), price("104"), new BigDecimal("1.25"))).isEmpty();
        assertThat(aggregator.add(at("10:01:20"), price("97"), NONE)).isEmpty();
        assertThat(aggregator.add(at("10:01:59.999"), price("101"), new BigDecimal("2"))).isEmpty();
        List<Bar> closed = aggregator.add(at("10:02:00"), price("150"), NONE);

        assertThat(closed).containsExactly(new Bar("BTC-USD", BarInterval.M1, at("10:01:00"),
                price("100"), price("104"), price("97"), price("101"), new BigDecimal("3.75")));
        assertThat(closed.get(0).closeTime()).isEqualTo(at("10:02:00"));
    }

    @Test
    void theBarInProgressAtTheFirstTickIsNeverEmittedBecauseItsEarlierTicksWereMissed() {
        BarAggregator aggregator = new BarAggregator("ETH-USD");
        assertThat(aggregator.add(at("10:03:30"), price("10"), NONE)).isEmpty();
        assertThat(aggregator.add(at("10:04:00"), price("11"), NONE)).as("the 10:03 bar began before we listened")
                .isEmpty();

        List<Bar> closed = aggregator.add(at("10:05:00"), price("12"), NONE);

        assertThat(closed).extracting(Bar::interval, Bar::openTime)
                .as("1m closes; the 5m bar of 10:00 was also entered mid-way, so it is dropped too")
                .containsExactly(tuple(BarInterval.M1, at("10:04:00")));
    }

    @Test
    void aGapProducesNoBarsAndTheNextTickClosesOnlyTheBarThatTraded() {
        BarAggregator aggregator = new BarAggregator("SOL-USD");
        aggregator.add(at("10:00:30"), price("1"), NONE);
        aggregator.add(at("10:01:30"), price("2"), NONE);

        List<Bar> closed = aggregator.add(at("10:07:15"), price("3"), NONE);

        assertThat(closed).extracting(Bar::interval, Bar::openTime, Bar::close).containsExactly(
                tuple(BarInterval.M1, at("10:01:00"), price("2")));
        assertThat(aggregator.add(at("10:08:00"), price("4"), NONE)).extracting(Bar::openTime, Bar::open)
                .containsExactly(tuple(at("10:07:00"), price("3")));
    }

    @Test
    void everyIntervalClosesOnItsOwnBoundaryShortestFirst() {
        BarAggregator aggregator = new BarAggregator("BTC-USD");
        aggregator.add(Instant.parse("2025-03-01T23:59:59Z"), price("1"), NONE);
        aggregator.add(Instant.parse("2025-03-02T00:00:01Z"), price("2"), NONE);
        aggregator.add(Instant.parse("2025-03-02T12:34:56Z"), price("5"), NONE);
        aggregator.add(Instant.parse("2025-03-02T23:59:59Z"), price("3"), NONE);

        List<Bar> closed = aggregator.add(Instant.parse("2025-03-03T00:00:00Z"), price("4"), NONE);

        assertThat(closed).extracting(Bar::interval).containsExactly(BarInterval.values());
        assertThat(closed).allSatisfy(bar -> assertThat(bar.closeTime()).isEqualTo("2025-03-03T00:00:00Z"));
        Bar day = closed.get(closed.size() - 1);
        assertThat(day).isEqualTo(new Bar("BTC-USD", BarInterval.D1, Instant.parse("2025-03-02T00:00:00Z"),
                price("2"), price("5"), price("2"), price("3"), NONE));
    }

    @Test
    void aTickOlderThanTheBarInProgressChangesNothing() {
        BarAggregator aggregator = new BarAggregator("BTC-USD");
        aggregator.add(at("10:00:10"), price("1"), NONE);
        aggregator.add(at("10:01:10"), price("5"), NONE);

        assertThat(aggregator.add(at("10:00:50"), price("1000"), NONE)).isEmpty();

        assertThat(aggregator.add(at("10:02:00"), price("6"), NONE)).singleElement()
                .satisfies(bar -> assertThat(bar.high()).isEqualByComparingTo("5"));
    }

    @Test
    void barsMatchTheirTicksAndFollowEachOtherForARandomPath() {
        Random random = new Random(11);
        BarAggregator aggregator = new BarAggregator("XRP-USD");
        List<Instant> times = new ArrayList<>();
        List<BigDecimal> prices = new ArrayList<>();
        List<Bar> bars = new ArrayList<>();
        Instant time = at("10:00:00");
        for (int i = 0; i < 20_000; i++) {
            time = time.plusMillis(1 + random.nextInt(random.nextInt(50) == 0 ? 600_000 : 20_000));
            BigDecimal price = BigDecimal.valueOf(100 + random.nextInt(200), 2);
            times.add(time);
            prices.add(price);
            bars.addAll(aggregator.add(time, price, BigDecimal.ONE));
        }

        for (BarInterval interval : BarInterval.values()) {
            List<Bar> ofInterval = bars.stream().filter(bar -> bar.interval() == interval).toList();
            assertThat(ofInterval).as(interval.label()).isNotEmpty();
            assertThat(ofInterval).extracting(Bar::openTime).isSorted().doesNotHaveDuplicates();
            for (Bar bar : ofInterval) {
                List<BigDecimal> inside = prices.subList(firstAtOrAfter(times, bar.openTime()),
                        firstAtOrAfter(times, bar.closeTime()));
                assertThat(inside).as("ticks of %s %s", interval.label(), bar.openTime()).isNotEmpty();
                assertThat(bar.open()).isEqualTo(inside.get(0));
                assertThat(bar.close()).isEqualTo(inside.get(inside.size() - 1));
                assertThat(bar.high()).isEqualTo(inside.stream().max(BigDecimal::compareTo).orElseThrow());
                assertThat(bar.low()).isEqualTo(inside.stream().min(BigDecimal::compareTo).orElseThrow());
                assertThat(bar.volume()).isEqualByComparingTo(BigDecimal.valueOf(inside.size()));
                assertThat(bar.openTime()).isEqualTo(interval.openTimeOf(bar.openTime()));
            }
        }
    }

    /** Times are strictly increasing here. */
    private static int firstAtOrAfter(List<Instant> times, Instant time) {
        int index = Collections.binarySearch(times, time);
        return index >= 0 ? index : -index - 1;
    }

    private static Instant at(String time) {
        return Instant.parse("2025-03-01T" + time + "Z");
    }

    private static BigDecimal price(String value) {
        return new BigDecimal(value);
    }
}
