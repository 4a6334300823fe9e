package io.tradeplex.strategy.backtest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A backtest row without its result, for lists. */
public record BacktestSummaryRow(UUID id, String template, String request, String status, BigDecimal progress,
                                 String error, Instant createdAt, Instant finishedAt) {
}
