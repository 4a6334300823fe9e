package io.tradeplex.strategy.backtest;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradeplex.kit.problem.ApiException;
import io.tradeplex.kit.problem.FieldError;
import io.tradeplex.strategy.engine.ParamsCheck;
import io.tradeplex.strategy.engine.TemplateCatalog;
import io.tradeplex.strategy.market.bars.BarInterval;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code POST /api/v1/backtests}. Either {@code symbols} or {@code symbol}; {@code from} and {@code to} are instants
 * (ISO-8601), bars opening in [from, to) are used, and leaving either out means from the start / to the end of the
 * history.
 */
public record BacktestRequest(String template, List<String> symbols, String symbol, JsonNode params, String interval,
                              Instant from, Instant to, BigDecimal initialCapitalUsd, BigDecimal feeBps,
                              BigDecimal slippageBps) {
    /** The symbol pattern of the event schemas, e.g. BTC-USD. */
    private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9]{1,20}(-[A-Z0-9]{1,20})?");
    private static final BigDecimal MAX_CAPITAL = new BigDecimal("1000000000000");
    private static final BigDecimal MAX_BPS = new BigDecimal("1000");

    /** Every fault at once, each naming its field: {@code template}, {@code params.fastPeriod}, {@code symbols[1]}… */
    BacktestSpec check(BacktestConfig config) {
        List<FieldError> errors = new ArrayList<>();
        ParamsCheck params = TemplateCatalog.validate(template, this.params);
        if (params instanceof ParamsCheck.Invalid invalid) {
            errors.addAll(invalid.errors());
        }
        List<String> checkedSymbols = symbols(config.maxSymbols(), errors);
        String intervalLabel = interval == null ? config.defaults().interval() : interval;
        Optional<BarInterval> barInterval = BarInterval.ofLabel(intervalLabel);
        if (barInterval.isEmpty()) {
            errors.add(new FieldError("interval", "must be one of " + Arrays.stream(BarInterval.values())
                    .map(BarInterval::label).collect(Collectors.joining(", "))));
        }
        if (from != null && to != null && !to.isAfter(from)) {
            errors.add(new FieldError("to", "must be after from"));
        }
        BigDecimal capital = amount("initialCapitalUsd", initialCapitalUsd, config.defaults().initialCapitalUsd(),
                errors);
        BigDecimal fee = bps("feeBps", feeBps, config.defaults().feeBps(), errors);
        BigDecimal slippage = bps("slippageBps", slippageBps, config.defaults().slippageBps(), errors);
        if (!errors.isEmpty()) {
            String detail = errors.stream().map(error -> error.field() + ": " + error.message())
                    .collect(Collectors.joining("; "));
            throw new ApiException(400, "Invalid request", "VALIDATION", detail, errors);
        }
        return new BacktestSpec(params.orThrow(), checkedSymbols, barInterval.get(), from, to, capital, fee, slippage);
    }

    private List<String> symbols(int max, List<FieldError> errors) {
        if (symbols != null && symbol != null) {
            errors.add(new FieldError("symbol", "give symbols or symbol, not both"));
            return List.of();
        }
        if (symbols == null && symbol == null) {
            errors.add(new FieldError("symbols", "is required"));
            return List.of();
        }
        if (symbol != null) {
            if (!SYMBOL.matcher(symbol).matches()) {
                errors.add(new FieldError("symbol", "must be a symbol like BTC-USD (A-Z, 0-9, one dash)"));
            }
            return List.of(symbol);
        }
        if (symbols.isEmpty() || symbols.size() > max) {
            errors.add(new FieldError("symbols", "must list 1 to " + max + " symbols"));
            return List.of();
        }
        LinkedHashSet<String> distinct = new LinkedHashSet<>();
        for (int i = 0; i < symbols.size(); i++) {
            String each = symbols.get(i);
            if (each == null || !SYMBOL.matcher(each).matches()) {
                errors.add(new FieldError("symbols[" + i + "]", "must be a symbol like BTC-USD (A-Z, 0-9, one dash)"));
            } else if (!distinct.add(each)) {
                errors.add(new FieldError("symbols[" + i + "]", "is listed twice"));
            }
        }
        return List.copyOf(distinct);
    }

    private static BigDecimal amount(String field, BigDecimal value, BigDecimal fallback, List<FieldError> errors) {
        BigDecimal amount = value == null ? fallback : value;
        if (amount.signum() <= 0 || amount.compareTo(MAX_CAPITAL) > 0 || amount.stripTrailingZeros().scale() > 2) {
            errors.add(new FieldError(field, "must be more than 0 and at most " + MAX_CAPITAL.toPlainString()
                    + ", with at most 2 decimals"));
        }
        return amount;
    }

    private static BigDecimal bps(String field, BigDecimal value, BigDecimal fallback, List<FieldError> errors) {
        BigDecimal bps = value == null ? fallback : value;
        if (bps.signum() < 0 || bps.compareTo(MAX_BPS) > 0 || bps.stripTrailingZeros().scale() > 4) {
            errors.add(new FieldError(field, "must be from 0 to " + MAX_BPS + " basis points, with at most 4 decimals"));
        }
        return bps;
    }
}
