package io.tradeplex.user.settings;

import io.tradeplex.contracts.users.UserState;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * @param stopLossPct     default stop-loss for new strategies, percent below entry; null for none
 * @param takeProfitPct   default take-profit, percent above entry; null for none
 * @param trailingStopPct default trailing stop, percent below the best price since entry; null for none
 * @param timeZone        the zone of the user's trading day: when the day's P&L and the daily-loss limit start over
 */
public record SettingsView(String riskLevel, BigDecimal stopLossPct, BigDecimal takeProfitPct, BigDecimal trailingStopPct,
                           String timeZone, Notifications notifications, Instant updatedAt) {
    public static final SettingsView DEFAULTS = new SettingsView("medium", null, null, null,
            UserState.DEFAULT_TIME_ZONE, new Notifications(true, true, true, false), null);

    /**
     * @param email        deliver notifications by e-mail at all
     * @param orderFills   on every fill
     * @param riskAlerts   on risk rejections, kill switches and daily-loss breaches
     * @param dailySummary one summary per trading day
     */
    public record Notifications(boolean email, boolean orderFills, boolean riskAlerts, boolean dailySummary) {
    }

    static SettingsView of(UserSettings settings) {
        return settings == null ? DEFAULTS
                : new SettingsView(settings.riskLevel, strip(settings.stopLossPct), strip(settings.takeProfitPct),
                strip(settings.trailingStopPct), settings.timeZone, new Notifications(settings.notifyEmail, settings.notifyFills,
                settings.notifyRiskAlerts, settings.notifyDailySummary), settings.updatedAt);
    }

    private static BigDecimal strip(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros();
    }
}
