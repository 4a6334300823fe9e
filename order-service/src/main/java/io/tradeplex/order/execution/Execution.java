package io.tradeplex.order.execution;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One fill reported by a broker.
 *
 * @param fillId the broker's id for this execution; the same id twice is the same fill
 * @param quantity at most what remains open; more is capped, never over-filled
 */
public record Execution(String fillId, BigDecimal quantity, BigDecimal price, BigDecimal fee, String feeCurrency,
                        Instant executedAt) {
}
