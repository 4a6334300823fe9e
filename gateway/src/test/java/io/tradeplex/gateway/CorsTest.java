package io.tradeplex.gateway;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.tradeplex.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The test profile allows one web-client origin, as a deployment would with QUARKUS_HTTP_CORS_ORIGINS. */
@QuarkusTest
@WithTestResource(FakeUpstreamsResource.class)
class CorsTest {
    private static final String WEB_CLIENT = "https://app.tradeplex.test";

    FakeUpstreams upstreams;

    @BeforeEach
    void reset() {
        upstreams.reset();
    }

    @Test
    void aPreflightFromTheWebClientIsAnsweredByTheGatewayWithoutAToken() {
        Response preflight = given().header("Origin", WEB_CLIENT)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .when().options("/api/v1/orders");

        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo(WEB_CLIENT);
        assertThat(preflight.header("Access-Control-Allow-Methods")).contains("POST");
        assertThat(preflight.header("Access-Control-Allow-Headers")).containsIgnoringCase("authorization");
        assertThat(preflight.header("Access-Control-Allow-Credentials")).isNotEqualTo("true");
        assertThat(preflight.header("X-Request-Id")).isNotBlank();
        assertThat(upstreams.received()).isEmpty();
    }

    @Test
    void theWebClientMayReadTheRequestIdAndRetryAfter() {
        Response response = given().header("Origin", WEB_CLIENT).auth().oauth2(TestTokens.trader(UUID.randomUUID()))
                .when().get("/api/v1/orders");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo(WEB_CLIENT);
        assertThat(response.header("Access-Control-Expose-Headers")).contains("X-Request-Id").contains("Retry-After");
    }

    @Test
    void anotherOriginIsNotAllowed() {
        Response preflight = given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .when().options("/api/v1/orders");

        assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
        assertThat(upstreams.received()).isEmpty();
    }
}
