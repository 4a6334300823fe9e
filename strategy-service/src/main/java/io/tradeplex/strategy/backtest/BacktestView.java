package io.tradeplex.strategy.backtest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/**
 * A backtest as its owner reads it.
 *
 * @param status   {@code RUNNING}, {@code DONE} (see {@code result}) or {@code FAILED} (see {@code error})
 * @param progress share of the bars simulated, 0 to 1
 * @param request  the request as it runs, with every default filled in
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BacktestView(UUID backtestId, String status, double progress, JsonNode request, JsonNode result,
                           String error, Instant createdAt, Instant finishedAt) {
}
