package io.tradeplex.portfolio.daily;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One account's trading day: see V3__daily_pnl_and_round_trips.sql. */
@Entity
@Table(name = "daily_pnl")
public class DailyPnlEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "user_id", nullable = false, updatable = false)
    public UUID userId;
    @Column(name = "account_id", nullable = false, updatable = false)
    public UUID accountId;
    @Column(name = "trading_day", nullable = false, updatable = false)
    public LocalDate tradingDay;
    @Column(name = "time_zone", nullable = false)
    public String timeZone;
    @Column(name = "realized_pnl", nullable = false, precision = 38, scale = 18)
    public BigDecimal realizedPnl = BigDecimal.ZERO;
    @Column(nullable = false, precision = 38, scale = 18)
    public BigDecimal fees = BigDecimal.ZERO;
    @Column(nullable = false)
    public long trades;
    @Column(name = "unrealized_open", nullable = false, precision = 38, scale = 18)
    public BigDecimal unrealizedOpen;
    @Column(name = "unrealized_last", nullable = false, precision = 38, scale = 18)
    public BigDecimal unrealizedLast;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    DayFigures figures(BigDecimal unrealizedNow) {
        return new DayFigures(accountId, realizedPnl, fees, trades, unrealizedOpen, unrealizedNow);
    }
}
