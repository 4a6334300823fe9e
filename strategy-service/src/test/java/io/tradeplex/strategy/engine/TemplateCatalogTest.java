package io.tradeplex.strategy.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradeplex.kit.problem.ApiException;
import io.tradeplex.kit.problem.FieldError;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TemplateCatalogTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void validSmaCrossoverParamsBecomeTheTypedRecord() {
        StrategyParams params = valid("sma-crossover",
                "{\"fastPeriod\": 5, \"slowPeriod\": 20, \"orderSizeUsd\": \"100.50\", \"stopLossPct\": 2.5}");

        assertThat(params).isEqualTo(new SmaCrossoverParams(5, 20, new BigDecimal("100.50"), new BigDecimal("2.5"),
                null, null));
        assertThat(params.template()).isEqualTo(Template.SMA_CROSSOVER);
        assertThat(params.barsNeeded()).isEqualTo(20);
    }

    @Test
    void decimalsComeAsJsonNumbersOrDecimalStringsAndNullsReadAsAbsent() {
        StrategyParams params = valid("rsi-mean-reversion", "{\"period\": 14, \"oversold\": 30, \"overbought\": \"70.5\","
                + " \"orderSizeUsd\": 25, \"takeProfitPct\": \"0.1\", \"trailingStopPct\": null}");

        assertThat(params).isEqualTo(new RsiMeanReversionParams(14, new BigDecimal("30"), new BigDecimal("70.5"),
                new BigDecimal("25"), null, new BigDecimal("0.1"), null));
    }

    @Test
    void donchianExitPeriodDefaultsToTheEntryPeriod() {
        assertThat(valid("donchian-breakout", "{\"period\": 20, \"orderSizeUsd\": 50}"))
                .isEqualTo(new DonchianBreakoutParams(20, 20, new BigDecimal("50"), null, null, null));
        StrategyParams explicit = valid("donchian-breakout", "{\"period\": 20, \"exitPeriod\": 10, \"orderSizeUsd\": 50}");
        assertThat(explicit).isEqualTo(new DonchianBreakoutParams(20, 10, new BigDecimal("50"), null, null, null));
        assertThat(explicit.barsNeeded()).isEqualTo(20);
        assertThat(valid("donchian-breakout", "{\"period\": 5, \"exitPeriod\": 30, \"orderSizeUsd\": 50}").barsNeeded())
                .isEqualTo(30);
    }

    @Test
    void everyFaultIsReportedNamingItsField() {
        List<FieldError> errors = invalid("sma-crossover", "{\"fastPeriod\": 1, \"slowPeriod\": 501,"
                + " \"orderSizeUsd\": \"10.123\", \"stopLossPct\": 100, \"takeProfitPct\": 0, \"trailingStopPct\": -1}");

        assertThat(errors).extracting(FieldError::field).containsExactly("params.fastPeriod", "params.slowPeriod",
                "params.orderSizeUsd", "params.stopLossPct", "params.takeProfitPct", "params.trailingStopPct");
        assertThat(errors.get(0).message()).isEqualTo("must be a whole number from 2 to 500");
        assertThat(errors.get(2).message())
                .isEqualTo("must be a decimal greater than 0 and at most 1000000000 with at most 2 decimals");
        assertThat(errors.get(3).message()).isEqualTo("must be a decimal greater than 0 and less than 100");
    }

    @Test
    void requiredParametersMustBePresent() {
        assertThat(invalid("rsi-mean-reversion", "{}")).containsExactly(
                new FieldError("params.period", "is required"),
                new FieldError("params.oversold", "is required"),
                new FieldError("params.overbought", "is required"),
                new FieldError("params.orderSizeUsd", "is required"));
    }

    @Test
    void unknownParametersAreFaultsSoNothingRidesAlong() {
        assertThat(invalid("sma-crossover",
                "{\"fastPeriod\": 5, \"slowPeriod\": 20, \"orderSizeUsd\": 10, \"userId\": \"x\", \"period\": 3}"))
                .containsExactly(new FieldError("params.period", "is not a parameter of sma-crossover"),
                        new FieldError("params.userId", "is not a parameter of sma-crossover"));
    }

    @Test
    void rulesAcrossParametersNameTheFirstOfThePair() {
        assertThat(invalid("sma-crossover", "{\"fastPeriod\": 20, \"slowPeriod\": 20, \"orderSizeUsd\": 10}"))
                .containsExactly(new FieldError("params.fastPeriod", "must be less than slowPeriod"));
        assertThat(invalid("rsi-mean-reversion",
                "{\"period\": 14, \"oversold\": 70, \"overbought\": \"69.99\", \"orderSizeUsd\": 10}"))
                .containsExactly(new FieldError("params.oversold", "must be less than overbought"));
    }

    @Test
    void levelsLieStrictlyBetweenZeroAndHundred() {
        assertThat(invalid("rsi-mean-reversion", "{\"period\": 14, \"oversold\": 0, \"overbought\": 100,"
                + " \"orderSizeUsd\": 10}")).extracting(FieldError::field)
                .containsExactly("params.oversold", "params.overbought");
    }

    @Test
    void numbersMustHaveTheRightShape() {
        assertThat(invalid("donchian-breakout", "{\"period\": 14.5, \"exitPeriod\": \"10\", \"orderSizeUsd\": \"1e3\"}"))
                .extracting(FieldError::field)
                .containsExactly("params.period", "params.exitPeriod", "params.orderSizeUsd");
        assertThat(invalid("donchian-breakout", "{\"period\": 14, \"orderSizeUsd\": \"-5\"}"))
                .extracting(FieldError::field).containsExactly("params.orderSizeUsd");
        assertThat(invalid("donchian-breakout", "{\"period\": 14, \"orderSizeUsd\": true}"))
                .extracting(FieldError::field).containsExactly("params.orderSizeUsd");
        assertThat(invalid("donchian-breakout", "{\"period\": 14, \"orderSizeUsd\": \"1000000000.01\"}"))
                .extracting(FieldError::field).containsExactly("params.orderSizeUsd");
    }

    @Test
    void trailingZerosDoNotCountAsDecimals() {
        assertThat(valid("donchian-breakout", "{\"period\": 14, \"orderSizeUsd\": \"10.500\"}").orderSizeUsd())
                .isEqualByComparingTo("10.5");
    }

    @Test
    void theTemplateAndTheParamsObjectAreChecked() {
        assertThat(TemplateCatalog.validate("macd", json("{}")))
                .isEqualTo(new ParamsCheck.Invalid(List.of(new FieldError("template",
                        "must be one of sma-crossover, rsi-mean-reversion, donchian-breakout"))));
        assertThat(TemplateCatalog.validate(null, json("{}")))
                .isEqualTo(new ParamsCheck.Invalid(List.of(new FieldError("template", "is required"))));
        assertThat(TemplateCatalog.validate("sma-crossover", null))
                .isEqualTo(new ParamsCheck.Invalid(List.of(new FieldError("params", "is required"))));
        assertThat(TemplateCatalog.validate("sma-crossover", json("[5, 20]")))
                .isEqualTo(new ParamsCheck.Invalid(List.of(new FieldError("params", "must be an object"))));
    }

    @Test
    void orThrowIsABadRequestWithEveryField() {
        ParamsCheck check = TemplateCatalog.validate("sma-crossover", json("{\"fastPeriod\": 30, \"slowPeriod\": 20}"));

        assertThatThrownBy(check::orThrow).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.code()).isEqualTo("VALIDATION");
            assertThat(e.errors()).extracting(FieldError::field)
                    .containsExactly("params.orderSizeUsd", "params.fastPeriod");
        });
    }

    @Test
    void storedParametersReadBackIntoAnEqualRecord() {
        for (StrategyParams params : List.of(
                new SmaCrossoverParams(3, 9, new BigDecimal("10.00"), new BigDecimal("1.5"), new BigDecimal("3"),
                        new BigDecimal("0.75")),
                new RsiMeanReversionParams(14, new BigDecimal("29.5"), new BigDecimal("70"), new BigDecimal("99.99"),
                        null, null, null),
                new DonchianBreakoutParams(20, 10, new BigDecimal("1"), null, new BigDecimal("12"), null))) {
            assertThat(TemplateCatalog.validate(params.template().wire(), params.toJson()))
                    .isEqualTo(new ParamsCheck.Valid(params));
        }
    }

    private static StrategyParams valid(String template, String params) {
        ParamsCheck check = TemplateCatalog.validate(template, json(params));
        assertThat(check).isInstanceOf(ParamsCheck.Valid.class);
        return check.orThrow();
    }

    private static List<FieldError> invalid(String template, String params) {
        ParamsCheck check = TemplateCatalog.validate(template, json(params));
        assertThat(check).isInstanceOf(ParamsCheck.Invalid.class);
        return ((ParamsCheck.Invalid) check).errors();
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
