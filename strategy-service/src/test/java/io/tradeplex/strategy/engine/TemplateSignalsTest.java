package io.tradeplex.strategy.engine;

import io.tradeplex.contracts.orders.Side;
import io.tradeplex.strategy.market.bars.Bar;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.tradeplex.strategy.engine.Bars.bar;
import static io.tradeplex.strategy.engine.Bars.closes;
import static io.tradeplex.strategy.engine.Bars.d;
import static io.tradeplex.strategy.engine.Bars.time;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Each template's own entries and exits on series small enough to follow by hand. */
class TemplateSignalsTest {

    @Test
    void smaCrossoverBuysOnTheCrossAboveAndSellsOnTheCrossBelow() {
        StrategyRun run = StrategyRun.start(new SmaCrossoverParams(2, 3, d("100"), null, null, null), Bars.SYMBOL);
        // fast−slow after each bar from the third: 0 (10/10), + (11 vs 10.67), 0 (10 vs 10), − (7 vs 8.67)
        List<Signal> signals = feed(run, closes("10", "10", "10", "12", "8", "6"));

        assertThat(signals).containsExactly(
                new Signal(Side.BUY, d("8.333333"), SignalKind.ENTRY, time(3), 0,
                        "SMA(2) 11 crossed above SMA(3) 10.666667; buy 8.333333 for 100 USD", d("12")),
                new Signal(Side.SELL, d("8.333333"), SignalKind.EXIT, time(5), 1,
                        "SMA(2) 7 crossed below SMA(3) 8.6666667; sell 8.333333", d("6")));
    }

    @Test
    void smaCrossoverNeedsACrossNotJustTheFastAverageAbove() {
        StrategyRun run = StrategyRun.start(new SmaCrossoverParams(2, 3, d("100"), null, null, null), Bars.SYMBOL);

        // Rising from the start: fast is above slow from the first comparison on, and never crosses.
        assertThat(feed(run, closes("1", "2", "3", "4", "5", "6", "7"))).isEmpty();
        assertThat(run.position()).isEmpty();
    }

    @Test
    void smaCrossoverCrossesFromBelowStraightOrAfterATouch() {
        SmaCrossoverParams params = new SmaCrossoverParams(2, 3, d("100"), null, null, null);
        // fast−slow: − (9 vs 9.33), then + (11 vs 10.67)
        assertThat(feed(StrategyRun.start(params, Bars.SYMBOL), closes("10", "10", "8", "14")))
                .extracting(Signal::kind, Signal::barTime).containsExactly(tuple(SignalKind.ENTRY, time(3)));
        // fast−slow: − (9 vs 9.33), 0 (10 vs 10), + (13 vs 11.33)
        assertThat(feed(StrategyRun.start(params, Bars.SYMBOL), closes("10", "10", "8", "12", "14")))
                .extracting(Signal::kind, Signal::barTime).containsExactly(tuple(SignalKind.ENTRY, time(4)));
    }

    @Test
    void rsiMeanReversionBuysBelowOversoldAndSellsAboveOverbought() {
        StrategyRun run = StrategyRun.start(new RsiMeanReversionParams(2, d("30"), d("70"), d("90"), null, null, null),
                Bars.SYMBOL);
        // RSI(2): 0 after two losses; then gains 0.5 / losses 0.5 → 50; then 1.25 / 0.25 → 83.33
        List<Signal> signals = feed(run, closes("10", "9", "8", "9", "11"));

        assertThat(signals).containsExactly(
                new Signal(Side.BUY, d("11.250000"), SignalKind.ENTRY, time(2), 0,
                        "RSI(2) 0 below oversold 30; buy 11.25 for 90 USD", d("8")),
                new Signal(Side.SELL, d("11.250000"), SignalKind.EXIT, time(4), 1,
                        "RSI(2) 83.333333 above overbought 70; sell 11.25", d("11")));
    }

    @Test
    void rsiLevelsAreStrict() {
        StrategyRun run = StrategyRun.start(new RsiMeanReversionParams(2, d("50"), d("60"), d("90"), null, null, null),
                Bars.SYMBOL);

        // RSI exactly 50 after a gain and a loss of the same size: not below oversold 50.
        assertThat(feed(run, closes("10", "11", "10"))).isEmpty();
    }

    @Test
    void donchianBuysAboveThePreviousHighsAndSellsBelowThePreviousLows() {
        StrategyRun run = StrategyRun.start(new DonchianBreakoutParams(3, 2, d("100"), null, null, null), Bars.SYMBOL);
        List<Bar> bars = List.of(
                bar(0, "10", "9", "9.5"),
                bar(1, "11", "9.5", "10"),
                bar(2, "10.5", "9", "10"),
                bar(3, "11.6", "10.5", "11.5"),   // 11.5 > 11, the high of bars 0-2
                bar(4, "12", "11", "11.8"),       // a new breakout while long: nothing
                bar(5, "11.9", "10", "10.2"));    // 10.2 < 10.5, the low of bars 3-4

        List<Signal> signals = feed(run, bars);

        assertThat(signals).extracting(Signal::kind, Signal::barTime, Signal::referencePrice).containsExactly(
                tuple(SignalKind.ENTRY, time(3), d("11.5")),
                tuple(SignalKind.EXIT, time(5), d("10.2")));
        assertThat(signals.get(0).reason()).isEqualTo("close 11.5 above the 3-bar high 11; buy 8.695652 for 100 USD");
        assertThat(signals.get(1).reason()).isEqualTo("close 10.2 below the 2-bar low 10.5; sell 8.695652");
    }

    @Test
    void donchianCloseAtTheChannelIsNoBreakout() {
        StrategyRun run = StrategyRun.start(new DonchianBreakoutParams(2, 2, d("100"), null, null, null), Bars.SYMBOL);

        assertThat(feed(run, List.of(bar(0, "10", "9", "9.5"), bar(1, "10", "9", "9.5"), bar(2, "10.5", "9", "10"))))
                .isEmpty();
    }

    @Test
    void theFirstSignalCanComeRightAfterBarsNeeded() {
        List<Bar> bars = closes("10", "10", "10", "12");
        StrategyRun warm = StrategyRun.start(new SmaCrossoverParams(2, 3, d("100"), null, null, null), Bars.SYMBOL);
        assertThat(warm.barsNeeded()).isEqualTo(3);

        warm.warmUp(bars.subList(0, 3));
        assertThat(warm.ready()).isTrue();
        assertThat(warm.onBar(bars.get(3))).extracting(Signal::kind).containsExactly(SignalKind.ENTRY);

        StrategyRun cold = StrategyRun.start(new SmaCrossoverParams(2, 3, d("100"), null, null, null), Bars.SYMBOL);
        cold.warmUp(bars.subList(1, 3));
        assertThat(cold.ready()).isFalse();
        assertThat(cold.onBar(bars.get(3))).isEmpty();
    }

    @Test
    void barsNeededHoldsForEveryTemplate() {
        List<Bar> falling = closes("20", "19", "18", "17", "16", "15", "14");
        StrategyRun rsi = StrategyRun.start(new RsiMeanReversionParams(5, d("30"), d("70"), d("10"), null, null, null),
                Bars.SYMBOL);
        rsi.warmUp(falling.subList(0, rsi.barsNeeded()));
        assertThat(rsi.onBar(falling.get(rsi.barsNeeded()))).extracting(Signal::kind).containsExactly(SignalKind.ENTRY);

        List<Bar> rising = closes("10", "11", "12", "13", "14", "15", "16");
        StrategyRun donchian = StrategyRun.start(new DonchianBreakoutParams(2, 4, d("10"), null, null, null),
                Bars.SYMBOL);
        donchian.warmUp(rising.subList(0, donchian.barsNeeded()));
        assertThat(donchian.onBar(rising.get(donchian.barsNeeded()))).extracting(Signal::kind)
                .containsExactly(SignalKind.ENTRY);
        StrategyRun early = StrategyRun.start(new DonchianBreakoutParams(2, 4, d("10"), null, null, null), Bars.SYMBOL);
        early.warmUp(rising.subList(1, early.barsNeeded()));
        assertThat(early.onBar(rising.get(early.barsNeeded()))).isEmpty();
    }

    @Test
    void warmUpFeedsTheIndicatorsButTakesNoPosition() {
        StrategyRun run = StrategyRun.start(new SmaCrossoverParams(2, 3, d("100"), null, null, null), Bars.SYMBOL);

        run.warmUp(closes("10", "10", "10", "12"));

        assertThat(run.position()).isEmpty();
        // The cross below at the next bars is then no exit: the run holds nothing.
        assertThat(run.onBar(bar(4, "8"))).isEmpty();
        assertThat(run.onBar(bar(5, "6"))).isEmpty();
    }

    static List<Signal> feed(StrategyRun run, List<Bar> bars) {
        List<Signal> signals = new ArrayList<>();
        bars.forEach(bar -> signals.addAll(run.onBar(bar)));
        return signals;
    }

}
