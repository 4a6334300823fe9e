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

/** A user's daily-loss limit reached on one trading day; at most one per day. */
@Entity
@Table(name = "daily_loss_breaches")
public class DailyLossBreachEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "user_id", nullable = false, updatable = false)
    public UUID userId;
    @Column(name = "trading_day", nullable = false, updatable = false)
    public LocalDate tradingDay;
    @Column(name = "net_pnl", nullable = false, precision = 38, scale = 18)
    public BigDecimal netPnl;
    @Column(name = "max_daily_loss_usd", nullable = false, precision = 38, scale = 18)
    public BigDecimal maxDailyLossUsd;
    @Column(name = "breached_at", nullable = false)
    public Instant breachedAt;
}
