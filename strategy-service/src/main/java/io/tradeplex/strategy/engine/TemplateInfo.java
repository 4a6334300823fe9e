package io.tradeplex.strategy.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A template as clients discover it.
 *
 * @param paramsSchema JSON Schema (draft 2020-12) of {@code params}; rules across parameters (fastPeriod &lt;
 *                     slowPeriod, oversold &lt; overbought) are in the descriptions, as the schema cannot state them
 */
public record TemplateInfo(String template, String description, ObjectNode paramsSchema) {
}
