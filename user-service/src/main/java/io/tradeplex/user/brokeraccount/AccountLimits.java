package io.tradeplex.user.brokeraccount;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Positive;

import java.math.BigDecimal;

/**
 * An account's own limits, each optional: the limit in force is the tighter of the account's and the user's, so a
 * missing one means the user's applies.
 */
public record AccountLimits(
        @DecimalMin(value = "0", inclusive = false) @Digits(integer = 18, fraction = 2) BigDecimal maxPositionSizeUsd,
        @DecimalMin(value = "0", inclusive = false) @Digits(integer = 18, fraction = 2) BigDecimal maxDailyLossUsd,
        @Positive @Max(100_000) Integer maxOpenPositions) {

    static final AccountLimits NONE = new AccountLimits(null, null, null);
}
