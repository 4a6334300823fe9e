package io.tradeplex.user.brokeraccount;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/**
 * A partial change to an account: a field left out keeps its value. {@code limits}, when present, replaces all three
 * limits, so a limit left out of it is removed (the user's own applies again); {@code "limits": {}} removes them all.
 * The broker, owner, status and credentials cannot change here.
 */
public record UpdateBrokerAccountRequest(
        @Size(min = 1, max = 64)
        @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters") String label,
        @DecimalMin(value = "0", inclusive = false) @Digits(integer = 18, fraction = 2) BigDecimal capitalUsd,
        @Pattern(regexp = RiskTolerance.PATTERN, message = "must be one of low, medium, high") String riskTolerance,
        @Valid AccountLimits limits) {

    public UpdateBrokerAccountRequest {
        label = label == null ? null : label.strip();
    }
}
