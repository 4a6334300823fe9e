package io.tradeplex.strategy.instance;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * What a client may set on a new strategy; everything else (owner, broker, status) the platform decides.
 *
 * @param interval bar interval label, {@code 1m} by default
 */
public record CreateStrategyRequest(String template, String accountId, List<String> symbols, JsonNode params,
                                    String interval) {
}
