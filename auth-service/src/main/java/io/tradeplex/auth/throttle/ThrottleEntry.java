package io.tradeplex.auth.throttle;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** The throttling state of one key; see the migration for what {@code failures} counts. */
@Entity
@Table(name = "login_throttles")
public class ThrottleEntry {
    @Id
    public String key;
    @Column(nullable = false)
    public int failures;
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
