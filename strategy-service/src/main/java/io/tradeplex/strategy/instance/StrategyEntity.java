package io.tradeplex.strategy.instance;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** One of a user's strategies: see V30__strategies_and_signals.sql. */
@Entity
@Table(name = "strategies")
public class StrategyEntity {
    @Id
    public UUID id;
    @Column(name = "user_id", nullable = false, updatable = false)
    public UUID userId;
    @Column(nullable = false, updatable = false)
    public String template;
    @Column(name = "account_id", nullable = false, updatable = false)
    public UUID accountId;
    @Column(nullable = false, updatable = false)
    public String broker;
    @Column(nullable = false)
    public String symbols;
    @Column(name = "bar_interval", nullable = false)
    public String barInterval;
    @Column(nullable = false)
    public String params;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public StrategyStatus status;
    @Column(name = "status_reason")
    public String statusReason;
    @Column(nullable = false)
    public String state;
    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public List<String> symbolList() {
        return Arrays.asList(symbols.split(","));
    }
}
