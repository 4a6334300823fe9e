package io.tradeplex.strategy.backtest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/** A backtest in the list of the user's backtests: everything but the result. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BacktestSummary(UUID backtestId, String template, String status, double progress, JsonNode request,
                              String error, Instant createdAt, Instant finishedAt) {
}
