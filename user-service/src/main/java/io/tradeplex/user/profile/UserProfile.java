package io.tradeplex.user.profile;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/** A user as this service knows them. Never serialised: {@link MeResponse} is the API's view. */
@Entity
@Table(name = "users")
public class UserProfile {
    public static final String DEFAULT_TIER = "basic";
    public static final String STATUS_ACTIVE = "ACTIVE";
    public static final String STATUS_DISABLED = "DISABLED";
    public static final String STATUS_DELETED = "DELETED";

    @Id
    public UUID id;
    public String email;
    @Column(name = "display_name")
    public String displayName;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> roles;
    @Column(nullable = false)
    public String tier;
    @Column(nullable = false)
    public String status;
    @Column(name = "email_verified", nullable = false)
    public boolean emailVerified;
    @Column(name = "active_account_id")
    public UUID activeAccountId;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "deleted_at")
    public Instant deletedAt;

    @Column(name = "trade_only", nullable = false)
    public boolean tradeOnly;
    /** Overrides of the tier's limits; null follows the tier. */
    @Column(name = "max_position_size_usd", precision = 20, scale = 2)
    public BigDecimal maxPositionSizeUsd;
    @Column(name = "max_order_size_usd", precision = 20, scale = 2)
    public BigDecimal maxOrderSizeUsd;
    @Column(name = "max_daily_loss_usd", precision = 20, scale = 2)
    public BigDecimal maxDailyLossUsd;
    @Column(name = "max_open_positions")
    public Integer maxOpenPositions;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "allowed_symbols")
    public List<String> allowedSymbols;
    @Column(name = "trading_time_zone")
    public String tradingTimeZone;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "trading_days")
    public List<String> tradingDays;
    @Column(name = "trading_open")
    public LocalTime tradingOpen;
    @Column(name = "trading_close")
    public LocalTime tradingClose;

    /** The kill switch is on while a reason is set. */
    @Column(name = "kill_switch_reason")
    public String killSwitchReason;
    /** {@code user}, {@code admin} or {@code system} */
    @Column(name = "kill_switch_by")
    public String killSwitchBy;
    @Column(name = "kill_switch_actor")
    public UUID killSwitchActor;
    @Column(name = "kill_switch_at")
    public Instant killSwitchAt;

    public boolean killSwitchOn() {
        return killSwitchReason != null;
    }
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
