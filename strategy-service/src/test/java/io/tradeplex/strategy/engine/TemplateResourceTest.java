package io.tradeplex.strategy.engine;

import io.quarkus.test.junit.QuarkusTest;
import io.tradeplex.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class TemplateResourceTest {
    private static final String TEMPLATES = "/api/v1/strategies/templates";

    @Test
    void listsTheTemplatesWithTheSchemaOfTheirParams() {
        given().auth().oauth2(TestTokens.trader(UUID.randomUUID())).when().get(TEMPLATES)
                .then().statusCode(200)
                .body("template", contains("sma-crossover", "rsi-mean-reversion", "donchian-breakout"))
                .body("[0].paramsSchema.$schema", equalTo("https://json-schema.org/draft/2020-12/schema"))
                .body("[0].paramsSchema.required", contains("fastPeriod", "slowPeriod", "orderSizeUsd"))
                .body("[0].paramsSchema.properties.fastPeriod.maximum", equalTo(500))
                .body("[1].paramsSchema.properties.oversold.exclusiveMaximum", equalTo(100))
                .body("[2].paramsSchema.additionalProperties", equalTo(false));
    }

    @Test
    void aTokenIsRequired() {
        given().when().get(TEMPLATES).then().statusCode(401).contentType("application/problem+json");
    }
}
