package io.tradeplex.strategy.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.tradeplex.strategy.engine.TemplateCatalogTest.json;
import static org.assertj.core.api.Assertions.assertThat;

/** The schemas clients read must be real JSON Schemas and agree with what the service accepts. */
class TemplateSchemaTest {
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    @Test
    void listsTheThreeTemplates() {
        assertThat(TemplateCatalog.templates()).extracting(TemplateInfo::template)
                .containsExactly("sma-crossover", "rsi-mean-reversion", "donchian-breakout");
        assertThat(TemplateCatalog.templates()).allSatisfy(info -> assertThat(info.description()).isNotBlank());
    }

    @Test
    void eachSchemaIsAValidDraft202012SchemaOfAClosedObject() {
        JsonSchema metaSchema = FACTORY.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        assertThat(metaSchema.validate(json("{\"type\": 5, \"minimum\": \"2\"}"))).as("the meta-schema judges").isNotEmpty();
        Map<String, Set<String>> properties = Map.of(
                "sma-crossover", Set.of("fastPeriod", "slowPeriod"),
                "rsi-mean-reversion", Set.of("period", "oversold", "overbought"),
                "donchian-breakout", Set.of("period", "exitPeriod"));
        Map<String, List<String>> required = Map.of(
                "sma-crossover", List.of("fastPeriod", "slowPeriod", "orderSizeUsd"),
                "rsi-mean-reversion", List.of("period", "oversold", "overbought", "orderSizeUsd"),
                "donchian-breakout", List.of("period", "orderSizeUsd"));
        for (TemplateInfo info : TemplateCatalog.templates()) {
            JsonNode schema = info.paramsSchema();
            assertThat(metaSchema.validate(schema)).as(info.template()).isEmpty();
            assertThat(schema.get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
            assertThat(schema.get("type").asText()).isEqualTo("object");
            assertThat(schema.get("additionalProperties").asBoolean(true)).isFalse();
            List<String> names = iterate(schema.get("properties").fieldNames());
            assertThat(names).containsExactlyInAnyOrderElementsOf(union(properties.get(info.template()),
                    Set.of("orderSizeUsd", "stopLossPct", "takeProfitPct", "trailingStopPct")));
            assertThat(iterate(schema.get("required").elements()).stream().map(JsonNode::asText))
                    .containsExactlyElementsOf(required.get(info.template()));
        }
        JsonNode period = schemaOf("sma-crossover").get("properties").get("fastPeriod");
        assertThat(period.toString()).startsWith("{\"type\":\"integer\",\"minimum\":2,\"maximum\":500,");
    }

    @Test
    void theSchemaAndTheValidatorAgree() {
        List<Case> cases = List.of(
                new Case("sma-crossover", "{\"fastPeriod\": 5, \"slowPeriod\": 20, \"orderSizeUsd\": \"100.50\"}", true),
                new Case("sma-crossover", "{\"fastPeriod\": 5, \"slowPeriod\": 20, \"orderSizeUsd\": 100.5,"
                        + " \"stopLossPct\": 2, \"takeProfitPct\": \"4.25\", \"trailingStopPct\": 1.5}", true),
                new Case("sma-crossover", "{\"fastPeriod\": 5, \"slowPeriod\": 20}", false),
                new Case("sma-crossover", "{\"fastPeriod\": 1, \"slowPeriod\": 20, \"orderSizeUsd\": 1}", false),
                new Case("sma-crossover", "{\"fastPeriod\": 5, \"slowPeriod\": 20, \"orderSizeUsd\": 1, \"x\": 1}", false),
                new Case("sma-crossover", "{\"fastPeriod\": 5, \"slowPeriod\": 20, \"orderSizeUsd\": \"1.234\"}", false),
                new Case("sma-crossover", "{\"fastPeriod\": 5, \"slowPeriod\": 20, \"orderSizeUsd\": 0}", false),
                new Case("rsi-mean-reversion", "{\"period\": 14, \"oversold\": 30, \"overbought\": 70,"
                        + " \"orderSizeUsd\": 10}", true),
                new Case("rsi-mean-reversion", "{\"period\": 14, \"oversold\": 30, \"overbought\": 100,"
                        + " \"orderSizeUsd\": 10}", false),
                new Case("rsi-mean-reversion", "{\"period\": \"14\", \"oversold\": 30, \"overbought\": 70,"
                        + " \"orderSizeUsd\": 10}", false),
                new Case("donchian-breakout", "{\"period\": 20, \"exitPeriod\": 10, \"orderSizeUsd\": 10}", true),
                new Case("donchian-breakout", "{\"period\": 20, \"exitPeriod\": 501, \"orderSizeUsd\": 10}", false),
                new Case("donchian-breakout", "{\"period\": 20, \"orderSizeUsd\": 10, \"stopLossPct\": 0}", false));
        for (Case example : cases) {
            JsonNode params = json(example.params());
            Set<ValidationMessage> violations = FACTORY.getSchema(schemaOf(example.template())).validate(params);
            boolean accepted = TemplateCatalog.validate(example.template(), params) instanceof ParamsCheck.Valid;
            assertThat(violations.isEmpty()).as("schema on " + example).isEqualTo(example.valid());
            assertThat(accepted).as("validator on " + example).isEqualTo(example.valid());
        }
    }

    private record Case(String template, String params, boolean valid) {
    }

    private static JsonNode schemaOf(String template) {
        return TemplateCatalog.templates().stream().filter(info -> info.template().equals(template)).findFirst()
                .orElseThrow().paramsSchema();
    }

    private static <T> List<T> iterate(java.util.Iterator<T> iterator) {
        List<T> all = new java.util.ArrayList<>();
        iterator.forEachRemaining(all::add);
        return all;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return all;
    }
}
