package io.tradeplex.strategy.engine;

import io.tradeplex.strategy.market.bars.Bar;
import io.tradeplex.strategy.market.bars.BarInterval;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static io.tradeplex.strategy.engine.Bars.bar;
import static io.tradeplex.strategy.engine.Bars.d;
import static io.tradeplex.strategy.engine.TemplateSignalsTest.feed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SnapshotRestoreTest {
    private static final List<Bar> WALK = Bars.walk(11, 600, "100.00");
    private static final List<StrategyParams> PARAMS = List.of(
            new SmaCrossoverParams(5, 20, d("1000"), d("3"), d("6"), d("2.5")),
            new SmaCrossoverParams(3, 7, d("1000"), null, null, null),
            new RsiMeanReversionParams(14, d("35"), d("65"), d("250.55"), d("4"), null, d("3")),
            new RsiMeanReversionParams(3, d("20"), d("80"), d("99"), null, null, null),
            new DonchianBreakoutParams(20, 10, d("500"), null, d("5"), null),
            new DonchianBreakoutParams(7, 7, d("500"), d("1.5"), null, d("2")));

    @Test
    void aRestoredRunGivesTheSameSignalsAsOneThatNeverStopped() {
        int cutsWhileLong = 0;
        for (StrategyParams params : PARAMS) {
            List<Signal> uninterrupted = feed(StrategyRun.start(params, Bars.SYMBOL), WALK);
            assertThat(uninterrupted).as("the walk exercises %s", params).hasSizeGreaterThanOrEqualTo(6);
            for (int cut = 0; cut <= WALK.size(); cut += 37) {
                StrategyRun first = StrategyRun.start(params, Bars.SYMBOL);
                List<Signal> signals = new ArrayList<>(feed(first, WALK.subList(0, cut)));
                String snapshot = first.snapshot();
                cutsWhileLong += first.position().isPresent() ? 1 : 0;

                StrategyRun restored = StrategyRun.restore(params, Bars.SYMBOL, snapshot);
                assertThat(restored.snapshot()).as("%s cut at %d", params, cut).isEqualTo(snapshot);
                assertThat(restored.position()).isEqualTo(first.position());
                signals.addAll(feed(restored, WALK.subList(cut, WALK.size())));

                assertThat(signals).as("%s cut at %d", params, cut).isEqualTo(uninterrupted);
            }
        }
        assertThat(cutsWhileLong).as("some cuts fall while a run holds a position").isGreaterThan(5);
    }

    @Test
    void theWholeRunStateIsInTheSnapshot() {
        StrategyRun run = StrategyRun.start(PARAMS.get(0), Bars.SYMBOL);
        feed(run, WALK.subList(0, 100));

        StrategyRun restored = StrategyRun.restore(PARAMS.get(0), Bars.SYMBOL, run.snapshot());

        assertThat(restored.lastBarTime()).isEqualTo(run.lastBarTime());
        assertThat(restored.ready()).isTrue();
        // The interval and the bar order are kept: an older or a 5m bar is refused after the restore too.
        assertThatThrownBy(() -> restored.onBar(WALK.get(99))).isInstanceOf(IllegalArgumentException.class);
        Bar fiveMinutes = new Bar(Bars.SYMBOL, BarInterval.M5, WALK.get(100).openTime(), d("1"), d("1"), d("1"),
                d("1"), BigDecimal.ZERO);
        assertThatThrownBy(() -> restored.onBar(fiveMinutes)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSnapshotOnlyRestoresTheRunItWasTakenOf() {
        StrategyRun run = StrategyRun.start(PARAMS.get(0), Bars.SYMBOL);
        feed(run, WALK.subList(0, 30));
        String snapshot = run.snapshot();

        assertThatThrownBy(() -> StrategyRun.restore(PARAMS.get(1), Bars.SYMBOL, snapshot))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("other parameters");
        assertThatThrownBy(() -> StrategyRun.restore(PARAMS.get(2), Bars.SYMBOL, snapshot))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("template");
        assertThatThrownBy(() -> StrategyRun.restore(PARAMS.get(0), "ETH-USD", snapshot))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("symbol");
        assertThatThrownBy(() -> StrategyRun.restore(PARAMS.get(0), Bars.SYMBOL, "{not json"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StrategyRun.restore(PARAMS.get(0), Bars.SYMBOL,
                snapshot.replace("\"rule\"", "\"rules\""))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRefusedBarChangesNothing() {
        StrategyParams params = PARAMS.get(4);
        StrategyRun run = StrategyRun.start(params, Bars.SYMBOL);
        feed(run, WALK.subList(0, 50));
        String before = run.snapshot();
        Bar last = WALK.get(49);

        assertThatThrownBy(() -> run.onBar(new Bar("ETH-USD", BarInterval.H1, WALK.get(50).openTime(), d("1"), d("1"),
                d("1"), d("1"), BigDecimal.ZERO))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> run.onBar(last)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> run.onBar(bar(50, "0"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> run.warmUp(List.of(WALK.get(50), WALK.get(50))))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(run.snapshot()).isEqualTo(before);
        List<Signal> continued = new ArrayList<>(feed(StrategyRun.start(params, Bars.SYMBOL), WALK.subList(0, 50)));
        continued.addAll(feed(run, WALK.subList(50, WALK.size())));
        assertThat(continued).isEqualTo(feed(StrategyRun.start(params, Bars.SYMBOL), WALK));
    }

    @Test
    void aRunHoldingAPositionIsNotWarmedUp() {
        StrategyRun run = StrategyRun.start(PARAMS.get(4), Bars.SYMBOL);
        int next = 0;
        while (run.position().isEmpty()) {
            run.onBar(WALK.get(next++));
        }
        List<Bar> more = WALK.subList(next, next + 3);

        assertThatThrownBy(() -> run.warmUp(more)).isInstanceOf(IllegalStateException.class);
    }
}
