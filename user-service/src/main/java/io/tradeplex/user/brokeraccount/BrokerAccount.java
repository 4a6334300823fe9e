package io.tradeplex.user.brokeraccount;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A trading account the user holds at a broker. Never serialised: {@link BrokerAccountView} is the API's view. */
@Entity
@Table(name = "broker_accounts")
public class BrokerAccount {
    /** Usable for trading. Later states (credentials rejected, disabled) come with the real broker adapters. */
    public static final String STATUS_READY = "READY";
    /** Its user was deleted. */
    public static final String STATUS_CLOSED = "CLOSED";

    @Id
    public UUID id;
    @Column(name = "user_id", nullable = false)
    public UUID userId;
    /** {@link Broker#wire()} */
    @Column(nullable = false)
    public String broker;
    @Column(nullable = false)
    public String label;
    @Column(name = "capital_usd", nullable = false, precision = 20, scale = 2)
    public BigDecimal capitalUsd;
    @Column(name = "risk_tolerance", nullable = false)
    public String riskTolerance;
    @Column(nullable = false)
    public String status;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
