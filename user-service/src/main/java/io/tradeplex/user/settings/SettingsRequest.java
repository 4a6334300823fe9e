package io.tradeplex.user.settings;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/**
 * Replaces the user's settings as a whole; percentages are of the entry (or best) price, 0.1 to 50.
 *
 * @param timeZone the IANA zone of the user's trading day, e.g. Asia/Kolkata; absent means UTC
 */
public record SettingsRequest(
        @NotNull @Pattern(regexp = "low|medium|high", message = "must be one of low, medium, high") String riskLevel,
        @DecimalMin("0.1") @DecimalMax("50") @Digits(integer = 2, fraction = 3) BigDecimal stopLossPct,
        @DecimalMin("0.1") @DecimalMax("500") @Digits(integer = 3, fraction = 3) BigDecimal takeProfitPct,
        @DecimalMin("0.1") @DecimalMax("50") @Digits(integer = 2, fraction = 3) BigDecimal trailingStopPct,
        @Size(max = 64) @TimeZoneId String timeZone,
        @NotNull @Valid NotificationsRequest notifications) {

    public record NotificationsRequest(@NotNull Boolean email, @NotNull Boolean orderFills, @NotNull Boolean riskAlerts,
                                       @NotNull Boolean dailySummary) {
    }
}
