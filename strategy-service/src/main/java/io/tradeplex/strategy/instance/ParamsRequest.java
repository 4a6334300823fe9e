package io.tradeplex.strategy.instance;

import com.fasterxml.jackson.databind.JsonNode;

/** New parameters for a stopped strategy of the same template. */
public record ParamsRequest(JsonNode params) {
}
