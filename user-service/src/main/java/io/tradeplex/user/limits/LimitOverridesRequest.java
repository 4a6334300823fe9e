package io.tradeplex.user.limits;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.util.List;

/**
 * An administrator's per-user limits. It replaces the previous overrides as a whole: a field left out (or null) follows
 * the tier again. Values above the tier's ceiling are refused, naming the field.
 */
public record LimitOverridesRequest(
        @DecimalMin(value = "0", inclusive = false) @Digits(integer = 18, fraction = 2) BigDecimal maxPositionSizeUsd,
        @DecimalMin(value = "0", inclusive = false) @Digits(integer = 18, fraction = 2) BigDecimal maxOrderSizeUsd,
        @DecimalMin(value = "0", inclusive = false) @Digits(integer = 18, fraction = 2) BigDecimal maxDailyLossUsd,
        @Min(0) @Max(1000) Integer maxOpenPositions,
        @Size(max = 500) List<@NotNull @Pattern(regexp = SYMBOL, message = "must be a symbol such as BTC-USD") String> allowedSymbols,
        @Valid TradingHoursRequest tradingHours,
        Boolean tradeOnly) {
    public static final String SYMBOL = "[A-Z0-9][A-Z0-9:._-]{0,31}";

    /**
     * @param days  {@code MONDAY} … {@code SUNDAY}
     * @param open  {@code HH:mm}
     * @param close {@code HH:mm}; before {@code open} for a window across midnight
     */
    public record TradingHoursRequest(
            @NotBlank @Size(max = 64) String timeZone,
            @NotEmpty @Size(max = 7) List<@NotNull @Pattern(regexp = "MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY",
                    message = "must be a day such as MONDAY") String> days,
            @NotNull @Pattern(regexp = HH_MM, message = "must be a time HH:mm") String open,
            @NotNull @Pattern(regexp = HH_MM, message = "must be a time HH:mm") String close) {
        static final String HH_MM = "([01]\\d|2[0-3]):[0-5]\\d";
    }
}
