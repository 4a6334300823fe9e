package io.tradeplex.strategy.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tradeplex.kit.problem.FieldError;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The templates, their parameters' schemas, and the one way client input becomes {@link StrategyParams}. */
public final class TemplateCatalog {
    private static final List<Param> SHARED = List.of(
            Param.usd("orderSizeUsd", "USD worth to buy on each entry; the quantity is this over the bar's close, "
                    + "rounded down. More than 0, at most 2 decimals."),
            Param.percent("stopLossPct", "Sell when a close is at or below the entry price less this percentage."),
            Param.percent("takeProfitPct", "Sell when a close is at or above the entry price plus this percentage."),
            Param.percent("trailingStopPct",
                    "Sell when a close is at or below the highest close since entry less this percentage."));

    private static final Map<Template, List<Param>> PARAMS = Map.of(
            Template.SMA_CROSSOVER, withShared(
                    Param.period("fastPeriod", true, "Closes in the fast average; less than slowPeriod."),
                    Param.period("slowPeriod", true, "Closes in the slow average; more than fastPeriod.")),
            Template.RSI_MEAN_REVERSION, withShared(
                    Param.period("period", true, "Bars of Wilder's RSI."),
                    Param.level("oversold", "Buy when the RSI is below this; less than overbought."),
                    Param.level("overbought", "Sell when the RSI is above this; more than oversold.")),
            Template.DONCHIAN_BREAKOUT, withShared(
                    Param.period("period", true, "Bars of the entry channel (highest high)."),
                    Param.period("exitPeriod", false, "Bars of the exit channel (lowest low); default: period.")));

    private static final List<TemplateInfo> TEMPLATES = Arrays.stream(Template.values())
            .map(template -> new TemplateInfo(template.wire(), template.description(), schema(template)))
            .toList();

    private TemplateCatalog() {
    }

    /** Every template with its parameters' schema (a copy the caller may change). */
    public static List<TemplateInfo> templates() {
        return TEMPLATES.stream()
                .map(info -> new TemplateInfo(info.template(), info.description(), info.paramsSchema().deepCopy()))
                .toList();
    }

    /**
     * Checks a client's template name and parameters. Every fault is reported, each naming its field as the client
     * wrote it ({@code template}, {@code params}, {@code params.fastPeriod}); parameters the template does not know are
     * faults too, so nothing unexpected rides along into what is stored. Explicit nulls read as absent.
     */
    public static ParamsCheck validate(String templateName, JsonNode params) {
        Optional<Template> template = Template.ofWire(templateName);
        if (template.isEmpty()) {
            return new ParamsCheck.Invalid(List.of(new FieldError("template", templateName == null ? "is required"
                    : "must be one of " + Arrays.stream(Template.values()).map(Template::wire)
                    .collect(Collectors.joining(", ")))));
        }
        if (params == null || params.isNull() || params.isMissingNode()) {
            return new ParamsCheck.Invalid(List.of(new FieldError("params", "is required")));
        }
        if (!params.isObject()) {
            return new ParamsCheck.Invalid(List.of(new FieldError("params", "must be an object")));
        }
        List<FieldError> errors = new ArrayList<>();
        List<Param> known = PARAMS.get(template.get());
        Set<String> names = known.stream().map(Param::name).collect(Collectors.toSet());
        Set<String> unknown = new TreeSet<>();
        params.fieldNames().forEachRemaining(name -> {
            if (!names.contains(name)) {
                unknown.add(name);
            }
        });
        Values values = new Values(params, known, errors);
        StrategyParams built = switch (template.get()) {
            case SMA_CROSSOVER -> smaCrossover(values, errors);
            case RSI_MEAN_REVERSION -> rsiMeanReversion(values, errors);
            case DONCHIAN_BREAKOUT -> donchianBreakout(values);
        };
        unknown.forEach(name -> errors.add(new FieldError("params." + name,
                "is not a parameter of " + template.get().wire())));
        return errors.isEmpty() ? new ParamsCheck.Valid(built) : new ParamsCheck.Invalid(errors);
    }

    private static StrategyParams smaCrossover(Values values, List<FieldError> errors) {
        Integer fast = values.integer("fastPeriod");
        Integer slow = values.integer("slowPeriod");
        if (fast != null && slow != null && fast >= slow) {
            errors.add(new FieldError("params.fastPeriod", "must be less than slowPeriod"));
        }
        return values.complete() ? new SmaCrossoverParams(fast, slow, values.decimal("orderSizeUsd"),
                values.decimal("stopLossPct"), values.decimal("takeProfitPct"), values.decimal("trailingStopPct")) : null;
    }

    private static StrategyParams rsiMeanReversion(Values values, List<FieldError> errors) {
        BigDecimal oversold = values.decimal("oversold");
        BigDecimal overbought = values.decimal("overbought");
        if (oversold != null && overbought != null && oversold.compareTo(overbought) >= 0) {
            errors.add(new FieldError("params.oversold", "must be less than overbought"));
        }
        return values.complete() ? new RsiMeanReversionParams(values.integer("period"), oversold, overbought,
                values.decimal("orderSizeUsd"), values.decimal("stopLossPct"), values.decimal("takeProfitPct"),
                values.decimal("trailingStopPct")) : null;
    }

    private static StrategyParams donchianBreakout(Values values) {
        Integer period = values.integer("period");
        Integer exitPeriod = values.integer("exitPeriod");
        return values.complete() ? new DonchianBreakoutParams(period, exitPeriod == null ? period : exitPeriod,
                values.decimal("orderSizeUsd"), values.decimal("stopLossPct"), values.decimal("takeProfitPct"),
                values.decimal("trailingStopPct")) : null;
    }

    private static ObjectNode schema(Template template) {
        ObjectNode schema = JsonNodeFactory.instance.objectNode();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.put("title", template.wire() + " parameters");
        schema.put("description", template.description());
        schema.put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = schema.putArray("required");
        for (Param param : PARAMS.get(template)) {
            properties.set(param.name(), param.schema());
            if (param.required()) {
                required.add(param.name());
            }
        }
        schema.put("additionalProperties", false);
        return schema;
    }

    private static List<Param> withShared(Param... own) {
        List<Param> all = new ArrayList<>(List.of(own));
        all.addAll(SHARED);
        return List.copyOf(all);
    }

    /** The template's parameters read from the client's object, each checked on its own. */
    private static final class Values {
        private final Map<String, BigDecimal> read = new HashMap<>();
        private final List<FieldError> errors;
        private final int errorsBefore;

        Values(JsonNode params, List<Param> known, List<FieldError> errors) {
            this.errors = errors;
            this.errorsBefore = errors.size();
            for (Param param : known) {
                param.read(params, errors).ifPresent(value -> read.put(param.name(), value));
            }
        }

        Integer integer(String name) {
            BigDecimal value = read.get(name);
            return value == null ? null : value.intValueExact();
        }

        BigDecimal decimal(String name) {
            return read.get(name);
        }

        /** Whether every parameter read so far is valid, i.e. a record can be built. */
        boolean complete() {
            return errors.size() == errorsBefore;
        }
    }
}
