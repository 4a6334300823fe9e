package io.tradeplex.user.brokeraccount;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/**
 * Linking a broker account. There is deliberately no {@code userId}, {@code tier} or {@code status} here: the owner
 * is the caller and the rest is the service's to decide, so such body fields are ignored (mass assignment).
 *
 * @param credentials required for binance and kite, refused for paper; sealed in the vault, never echoed or logged
 * @param limits      the account's own limits, tighter than the user's; optional
 */
public record CreateBrokerAccountRequest(
        @NotNull @Pattern(regexp = Broker.PATTERN, message = "must be one of paper, binance, kite") String broker,
        @NotNull @Size(min = 1, max = 64)
        @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters") String label,
        @DecimalMin(value = "0", inclusive = false) @Digits(integer = 18, fraction = 2) BigDecimal capitalUsd,
        @Pattern(regexp = RiskTolerance.PATTERN, message = "must be one of low, medium, high") String riskTolerance,
        @Valid CredentialsInput credentials,
        @Valid AccountLimits limits) {

    public CreateBrokerAccountRequest {
        label = label == null ? null : label.strip();
    }

    @Override
    public String toString() {
        return "CreateBrokerAccountRequest[broker=" + broker + ", label=" + label + ", capitalUsd=" + capitalUsd
                + ", riskTolerance=" + riskTolerance + ", credentials=" + (credentials == null ? "none" : "***")
                + ", limits=" + limits + "]";
    }
}
