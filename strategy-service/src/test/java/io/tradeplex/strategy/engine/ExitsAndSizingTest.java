package io.tradeplex.strategy.engine;

import io.tradeplex.contracts.orders.Side;
import io.tradeplex.strategy.market.bars.Bar;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static io.tradeplex.strategy.engine.Bars.bar;
import static io.tradeplex.strategy.engine.Bars.d;
import static io.tradeplex.strategy.engine.Bars.time;
import static io.tradeplex.strategy.engine.TemplateSignalsTest.feed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Donchian(2) entries at a chosen price: two bars at 99 then a close of 100 break out. Every low is 1, so the
 * template's own exit (a close below the previous lows) never fires and only the protective exits can.
 */
class ExitsAndSizingTest {

    @Test
    void stopLossSellsAtOrBelowTheEntryLessThePercentage() {
        StrategyRun run = enteredAt100(d("5"), null, null);

        assertThat(run.onBar(at(3, "95.01"))).isEmpty();
        List<Signal> signals = run.onBar(at(4, "95"));

        assertThat(signals).containsExactly(new Signal(Side.SELL, d("1.000000"), SignalKind.STOP_LOSS, time(4), 1,
                "stop-loss: close 95 at or below 95 (entry 100 − 5%); sell 1", d("95")));
        assertThat(run.position()).isEmpty();
    }

    @Test
    void takeProfitSellsAtOrAboveTheEntryPlusThePercentage() {
        StrategyRun run = enteredAt100(null, d("10"), null);

        assertThat(run.onBar(at(3, "109.99"))).isEmpty();
        assertThat(run.onBar(at(4, "110"))).extracting(Signal::kind, Signal::side, Signal::quantity, Signal::leg)
                .containsExactly(tuple(SignalKind.TAKE_PROFIT, Side.SELL, d("1.000000"), 1));
    }

    @Test
    void trailingStopTrailsTheHighestCloseSinceEntry() {
        StrategyRun run = enteredAt100(null, null, d("5"));

        // Highest close 108 → the stop is 102.6; 103 stays, 102.6 goes.
        assertThat(feed(run, List.of(at(3, "104"), at(4, "108"), at(5, "103")))).isEmpty();
        assertThat(run.position()).hasValueSatisfying(held -> assertThat(held.highestClose()).isEqualTo(d("108")));
        List<Signal> signals = run.onBar(at(6, "102.6"));

        assertThat(signals).extracting(Signal::kind, Signal::reason).containsExactly(tuple(SignalKind.TRAILING_STOP,
                "trailing stop: close 102.6 at or below 102.6 (highest close 108 − 5%); sell 1"));
    }

    @Test
    void withoutARiseTheTrailingStopTrailsTheEntry() {
        StrategyRun run = enteredAt100(null, null, d("2"));

        assertThat(run.onBar(at(3, "98"))).extracting(Signal::kind).containsExactly(SignalKind.TRAILING_STOP);
    }

    @Test
    void theStopLossComesFirstWhenTwoExitsHoldOnOneClose() {
        StrategyRun run = enteredAt100(d("5"), null, d("3"));

        assertThat(run.onBar(at(3, "94"))).extracting(Signal::kind).containsExactly(SignalKind.STOP_LOSS);
    }

    @Test
    void noEntryFollowsAnExitOnTheSameBar() {
        StrategyRun run = enteredAt100(null, d("10"), null);

        // 110 takes profit and is also above the previous highs: the entry waits for the next breakout.
        assertThat(run.onBar(at(3, "110"))).extracting(Signal::kind).containsExactly(SignalKind.TAKE_PROFIT);
        assertThat(run.position()).isEmpty();
        assertThat(run.onBar(at(4, "111"))).extracting(Signal::kind, Signal::barTime, Signal::leg)
                .containsExactly(tuple(SignalKind.ENTRY, time(4), 0));
    }

    @Test
    void theQuantityIsTheOrderSizeOverTheCloseRoundedDown() {
        StrategyRun run = StrategyRun.start(donchian(d("1"), null, null, null), Bars.SYMBOL);

        // 1 / 64000 = 0.000015625
        List<Signal> signals = feed(run, List.of(at(0, "63000"), at(1, "63000"), at(2, "64000")));

        assertThat(signals).extracting(Signal::quantity).containsExactly(d("0.000015"));
        assertThat(run.position()).hasValueSatisfying(held -> {
            assertThat(held.quantity()).isEqualTo(d("0.000015"));
            assertThat(held.entryPrice()).isEqualTo(d("64000"));
            assertThat(held.entryBarTime()).isEqualTo(time(2));
        });
    }

    @Test
    void theQuantityScaleIsConfigurableAndAnEntryRoundingToZeroIsNoSignal() {
        StrategyRun whole = StrategyRun.start(donchian(d("250"), null, null, null), Bars.SYMBOL, 0);
        assertThat(feed(whole, List.of(at(0, "99"), at(1, "99"), at(2, "100")))).extracting(Signal::quantity)
                .containsExactly(d("2"));

        StrategyRun tooSmall = StrategyRun.start(donchian(d("99.99"), null, null, null), Bars.SYMBOL, 0);
        assertThat(feed(tooSmall, List.of(at(0, "99"), at(1, "99"), at(2, "100")))).isEmpty();
        assertThat(tooSmall.position()).isEmpty();
        // Still flat, so a later, cheaper breakout can enter.
        assertThat(feed(tooSmall, List.of(at(3, "40"), at(4, "40"), at(5, "90"), at(6, "95"))))
                .extracting(Signal::quantity).containsExactly(d("1"));
    }

    @Test
    void anExitSellsExactlyWhatTheEntryBought() {
        StrategyRun run = StrategyRun.start(donchian(d("100"), d("1"), null, null), Bars.SYMBOL);
        List<Bar> bars = new ArrayList<>(List.of(at(0, "2.99"), at(1, "2.99"), at(2, "3")));
        bars.add(at(3, "2.5"));

        List<Signal> signals = feed(run, bars);

        assertThat(signals).extracting(Signal::side, Signal::quantity)
                .containsExactly(tuple(Side.BUY, d("33.333333")), tuple(Side.SELL, d("33.333333")));
    }

    private static StrategyRun enteredAt100(BigDecimal stopLoss, BigDecimal takeProfit, BigDecimal trailing) {
        StrategyRun run = StrategyRun.start(donchian(d("100"), stopLoss, takeProfit, trailing), Bars.SYMBOL);
        assertThat(feed(run, List.of(at(0, "99"), at(1, "99"), at(2, "100"))))
                .extracting(Signal::kind, Signal::referencePrice, Signal::quantity)
                .containsExactly(tuple(SignalKind.ENTRY, d("100"), d("1.000000")));
        return run;
    }

    private static DonchianBreakoutParams donchian(BigDecimal size, BigDecimal stopLoss, BigDecimal takeProfit,
                                                   BigDecimal trailing) {
        return new DonchianBreakoutParams(2, 2, size, stopLoss, takeProfit, trailing);
    }

    /** A bar closing (and topping) at {@code close}, with a low of 1. */
    private static Bar at(int index, String close) {
        return bar(index, close, "1", close);
    }
}
