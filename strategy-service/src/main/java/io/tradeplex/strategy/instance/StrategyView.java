package io.tradeplex.strategy.instance;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A strategy as its owner sees it; decimals are strings.
 *
 * @param statusReason why it stopped or failed, when the platform did it
 * @param lastSignal   the newest signal and what became of its order; null before the first
 */
public record StrategyView(UUID strategyId, String template, UUID accountId, List<String> symbols, String interval,
                           JsonNode params, String status, String statusReason, SignalView lastSignal,
                           Instant createdAt, Instant updatedAt) {

    /** @param status {@code SENT}, {@code FILLED} or {@code REJECTED} (then with the rule's code and reason) */
    public record SignalView(UUID orderId, String clientOrderId, String symbol, String side, BigDecimal quantity,
                             String kind, String reason, Instant barTime, String status, String rejectCode,
                             String rejectReason, Instant at) {
    }
}
