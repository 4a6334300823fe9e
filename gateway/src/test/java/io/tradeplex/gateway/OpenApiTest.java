package io.tradeplex.gateway;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
@WithTestResource(FakeUpstreamsResource.class)
class OpenApiTest {

    @Test
    void oneDocumentMergesEveryUpstreamThatIsUpWithoutAToken() {
        var body = given().when().get("/q/openapi")
                .then().statusCode(200)
                .contentType("application/json")
                .body("openapi", equalTo("3.1.0"))
                .body("info.title", equalTo("Tradeplex API"))
                .body("components.schemas", hasKey("Problem"));
        for (String service : FakeUpstreamsResource.SERVICES) {
            body.body("paths", hasKey("/api/v1/" + service + "-things"))
                    .body("components.schemas", hasKey(service + "Thing"));
        }
        body.body("paths.'/api/v1/order-things'.get", notNullValue());
    }
}
