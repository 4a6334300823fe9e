package io.tradeplex.strategy.backtest;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** One backtest of one user: its checked request, and its progress, then its result or error. */
@Entity
@Table(name = "backtests")
public class BacktestEntity {
    static final String RUNNING = "RUNNING";
    static final String DONE = "DONE";
    static final String FAILED = "FAILED";

    @Id
    public UUID id;
    @Column(name = "user_id", nullable = false)
    public UUID userId;
    @Column(nullable = false)
    public String template;
    /** {@link BacktestSpec#toJson()}. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String request;
    @Column(nullable = false)
    public String status;
    @Column(nullable = false, precision = 5, scale = 4)
    public BigDecimal progress;
    /** The {@link BacktestResult} as JSON. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String result;
    public String error;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "finished_at")
    public Instant finishedAt;
    @Column(name = "heartbeat_at", nullable = false)
    public Instant heartbeatAt;
}
