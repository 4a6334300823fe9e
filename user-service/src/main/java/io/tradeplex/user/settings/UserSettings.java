package io.tradeplex.user.settings;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A user's trading preferences. A user without a row has {@link SettingsView#DEFAULTS}. */
@Entity
@Table(name = "user_settings")
public class UserSettings {
    @Id
    @Column(name = "user_id")
    public UUID userId;
    @Column(name = "risk_level", nullable = false)
    public String riskLevel;
    @Column(name = "stop_loss_pct", precision = 6, scale = 3)
    public BigDecimal stopLossPct;
    @Column(name = "take_profit_pct", precision = 6, scale = 3)
    public BigDecimal takeProfitPct;
    @Column(name = "trailing_stop_pct", precision = 6, scale = 3)
    public BigDecimal trailingStopPct;
    @Column(name = "notify_email", nullable = false)
    public boolean notifyEmail;
    @Column(name = "notify_fills", nullable = false)
    public boolean notifyFills;
    @Column(name = "notify_risk_alerts", nullable = false)
    public boolean notifyRiskAlerts;
    @Column(name = "notify_daily_summary", nullable = false)
    public boolean notifyDailySummary;
    /** The zone of the user's trading day, a {@link java.time.ZoneId} id. */
    @Column(name = "time_zone", nullable = false)
    public String timeZone;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
