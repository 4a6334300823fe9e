package io.tradeplex.strategy.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tradeplex.strategy.market.bars.Bar;
import io.tradeplex.strategy.market.bars.BarInterval;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One strategy on one symbol and one bar interval: the same code runs live and in backtests, so a backtest shows what
 * the live strategy would have done.
 * <p>
 * Feed it each closed bar in order ({@link #onBar}); it keeps its own indicator windows and its own idea of the
 * position: it assumes every signal it gives fills at that bar's close. A bar gives at most one signal:
 * <ul>
 * <li>Flat: the template's entry gives a BUY of {@code orderSizeUsd / close}, rounded down to the quantity scale
 *     (default 6 decimals); no signal when that rounds to zero.</li>
 * <li>Long: SELL everything held, checked in this order on the bar's close (intrabar highs and lows are not used, so
 *     live and backtest decide on the same number): STOP_LOSS when close ≤ entry × (1 − stopLossPct/100);
 *     TRAILING_STOP when close ≤ highest × (1 − trailingStopPct/100), highest being the highest close from the entry
 *     bar up to and including this one; TAKE_PROFIT when close ≥ entry × (1 + takeProfitPct/100); then the template's
 *     own EXIT. The entry bar itself is never checked, and no entry follows an exit on the same bar.</li>
 * </ul>
 * Deterministic: no clock, no randomness, and every rounding step uses {@link java.math.MathContext#DECIMAL64}.
 * <p>
 * Not thread-safe: call {@link #onBar} (and everything else) from one thread at a time. A refused bar (another symbol
 * or interval, not after the last one, a close that is not positive) throws {@link IllegalArgumentException} before
 * anything changes, so the run stays usable; runs share no state, so one failing run cannot disturb another.
 */
public final class StrategyRun {
    public static final int DEFAULT_QUANTITY_SCALE = 6;
    private static final int SNAPSHOT_VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final StrategyParams params;
    private final String symbol;
    private final int quantityScale;
    private final Rule rule;
    /** Fixed by the first bar. */
    private BarInterval interval;
    private Instant lastBarTime;
    private long barsSeen;
    private Position position;

    private StrategyRun(StrategyParams params, String symbol, int quantityScale, Rule rule) {
        this.params = Objects.requireNonNull(params, "params");
        this.symbol = Objects.requireNonNull(symbol, "symbol");
        if (quantityScale < 0 || quantityScale > 18) {
            throw new IllegalArgumentException("quantity scale must be 0..18, not " + quantityScale);
        }
        this.quantityScale = quantityScale;
        this.rule = rule;
    }

    public static StrategyRun start(StrategyParams params, String symbol) {
        return start(params, symbol, DEFAULT_QUANTITY_SCALE);
    }

    /** @param quantityScale decimals of the quantities it buys, e.g. 0 for a broker that trades whole shares */
    public static StrategyRun start(StrategyParams params, String symbol, int quantityScale) {
        return new StrategyRun(params, symbol, quantityScale, Rule.of(params));
    }

    /** Takes the next closed bar; returns the signal it gives, if any (at most one). */
    public List<Signal> onBar(Bar bar) {
        check(bar, interval, lastBarTime);
        Verdict verdict = rule.next(bar);
        advance(bar);
        if (position != null) {
            position = position.afterClose(bar.close());
            Optional<Signal> exit = exit(bar, verdict);
            exit.ifPresent(ignored -> position = null);
            return exit.map(List::of).orElse(List.of());
        }
        if (verdict.action() != Verdict.Action.ENTER) {
            return List.of();
        }
        BigDecimal quantity = params.orderSizeUsd().divide(bar.close(), quantityScale, RoundingMode.DOWN);
        if (quantity.signum() == 0) {
            return List.of();
        }
        position = new Position(quantity, bar.close(), bar.openTime(), bar.close());
        return List.of(Signal.of(SignalKind.ENTRY, quantity, bar.openTime(), verdict.reason() + "; buy "
                + Decimals.plain(quantity) + " for " + Decimals.plain(params.orderSizeUsd()) + " USD", bar.close()));
    }

    /**
     * Feeds history to the indicators only: no signals and no position, so a live run starts with its indicators
     * ready without believing it holds what an old signal would have bought. Feed at least {@link #barsNeeded()}
     * bars. Every bar is checked before any is taken.
     *
     * @throws IllegalStateException while the run holds a position
     */
    public void warmUp(List<Bar> bars) {
        if (position != null) {
            throw new IllegalStateException("a run holding a position cannot be warmed up");
        }
        BarInterval checkedInterval = interval;
        Instant checkedTime = lastBarTime;
        for (Bar bar : bars) {
            check(bar, checkedInterval, checkedTime);
            checkedInterval = bar.interval();
            checkedTime = bar.openTime();
        }
        for (Bar bar : bars) {
            rule.next(bar);
            advance(bar);
        }
    }

    /** Bars to feed a new run (by {@link #warmUp} or {@link #onBar}) before the next bar can give a signal. */
    public int barsNeeded() {
        return params.barsNeeded();
    }

    /** Whether the indicators are complete, i.e. the next bar can give a signal. */
    public boolean ready() {
        return barsSeen >= params.barsNeeded();
    }

    public StrategyParams params() {
        return params;
    }

    public String symbol() {
        return symbol;
    }

    /** What the run believes it holds, if anything. */
    public Optional<Position> position() {
        return Optional.ofNullable(position);
    }

    /** Open time of the last bar taken; the next bar must open after it. */
    public Optional<Instant> lastBarTime() {
        return Optional.ofNullable(lastBarTime);
    }

    /** The run's whole state as JSON; {@link #restore} goes on from exactly here. */
    public String snapshot() {
        ObjectNode json = JSON.createObjectNode();
        json.put("version", SNAPSHOT_VERSION);
        json.put("template", params.template().wire());
        json.set("params", params.toJson());
        json.put("symbol", symbol);
        json.put("quantityScale", quantityScale);
        if (interval != null) {
            json.put("interval", interval.label());
            json.put("lastBarTime", lastBarTime.toString());
        }
        json.put("barsSeen", barsSeen);
        if (position != null) {
            ObjectNode held = json.putObject("position");
            held.put("quantity", position.quantity().toPlainString());
            held.put("entryPrice", position.entryPrice().toPlainString());
            held.put("entryBarTime", position.entryBarTime().toString());
            held.put("highestClose", position.highestClose().toPlainString());
        }
        json.set("rule", rule.state());
        try {
            return JSON.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always writes", e);
        }
    }

    /**
     * The run a {@link #snapshot} was taken of, for the same parameters and symbol (a run with other parameters needs
     * a new start and warm-up: its windows would not fit).
     *
     * @throws IllegalArgumentException when the snapshot is unreadable or of another template, parameters or symbol
     */
    public static StrategyRun restore(StrategyParams params, String symbol, String snapshot) {
        JsonNode json;
        try {
            json = JSON.readTree(snapshot);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the snapshot is not JSON", e);
        }
        try {
            require(json.path("version").asInt() == SNAPSHOT_VERSION, "version " + json.path("version"));
            require(params.template().wire().equals(json.path("template").asText()),
                    "template " + json.path("template") + ", not " + params.template().wire());
            require(params.toJson().equals(json.path("params")), "other parameters");
            require(symbol.equals(json.path("symbol").asText()), "symbol " + json.path("symbol") + ", not " + symbol);
            StrategyRun run = new StrategyRun(params, symbol, json.required("quantityScale").intValue(),
                    Rule.restore(params, json.required("rule")));
            if (json.has("interval")) {
                run.interval = BarInterval.ofLabel(json.get("interval").asText())
                        .orElseThrow(() -> new IllegalArgumentException("interval " + json.get("interval")));
                run.lastBarTime = Instant.parse(json.required("lastBarTime").asText());
            }
            run.barsSeen = json.required("barsSeen").longValue();
            JsonNode held = json.get("position");
            if (held != null) {
                run.position = new Position(new BigDecimal(held.required("quantity").asText()),
                        new BigDecimal(held.required("entryPrice").asText()),
                        Instant.parse(held.required("entryBarTime").asText()),
                        new BigDecimal(held.required("highestClose").asText()));
            }
            return run;
        } catch (RuntimeException e) {
            throw e instanceof IllegalArgumentException invalid ? invalid
                    : new IllegalArgumentException("the snapshot cannot be read: " + e.getMessage(), e);
        }
    }

    private static void require(boolean condition, String found) {
        if (!condition) {
            throw new IllegalArgumentException("the snapshot is of " + found);
        }
    }

    private void check(Bar bar, BarInterval expectedInterval, Instant after) {
        if (!symbol.equals(bar.symbol())) {
            throw new IllegalArgumentException("a bar of " + bar.symbol() + " given to a run on " + symbol);
        }
        if (expectedInterval != null && expectedInterval != bar.interval()) {
            throw new IllegalArgumentException("a " + bar.interval().label() + " bar given to a run on "
                    + expectedInterval.label() + " bars");
        }
        if (after != null && !bar.openTime().isAfter(after)) {
            throw new IllegalArgumentException("the bar of " + bar.openTime() + " does not come after " + after);
        }
        if (bar.close().signum() <= 0) {
            throw new IllegalArgumentException("a bar closing at " + bar.close().toPlainString());
        }
    }

    private void advance(Bar bar) {
        interval = bar.interval();
        lastBarTime = bar.openTime();
        barsSeen++;
    }

    private Optional<Signal> exit(Bar bar, Verdict verdict) {
        BigDecimal close = bar.close();
        if (params.stopLossPct() != null) {
            BigDecimal level = Decimals.plusPercent(position.entryPrice(), params.stopLossPct().negate());
            if (close.compareTo(level) <= 0) {
                return Optional.of(sell(SignalKind.STOP_LOSS, bar, "stop-loss: close " + Decimals.show(close)
                        + " at or below " + Decimals.show(level) + " (entry " + Decimals.show(position.entryPrice())
                        + " − " + params.stopLossPct().toPlainString() + "%)"));
            }
        }
        if (params.trailingStopPct() != null) {
            BigDecimal level = Decimals.plusPercent(position.highestClose(), params.trailingStopPct().negate());
            if (close.compareTo(level) <= 0) {
                return Optional.of(sell(SignalKind.TRAILING_STOP, bar, "trailing stop: close " + Decimals.show(close)
                        + " at or below " + Decimals.show(level) + " (highest close "
                        + Decimals.show(position.highestClose()) + " − " + params.trailingStopPct().toPlainString()
                        + "%)"));
            }
        }
        if (params.takeProfitPct() != null) {
            BigDecimal level = Decimals.plusPercent(position.entryPrice(), params.takeProfitPct());
            if (close.compareTo(level) >= 0) {
                return Optional.of(sell(SignalKind.TAKE_PROFIT, bar, "take-profit: close " + Decimals.show(close)
                        + " at or above " + Decimals.show(level) + " (entry " + Decimals.show(position.entryPrice())
                        + " + " + params.takeProfitPct().toPlainString() + "%)"));
            }
        }
        return verdict.action() == Verdict.Action.EXIT
                ? Optional.of(sell(SignalKind.EXIT, bar, verdict.reason())) : Optional.empty();
    }

    private Signal sell(SignalKind kind, Bar bar, String reason) {
        return Signal.of(kind, position.quantity(), bar.openTime(), reason + "; sell "
                + Decimals.plain(position.quantity()), bar.close());
    }
}
