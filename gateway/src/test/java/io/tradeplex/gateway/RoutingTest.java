package io.tradeplex.gateway;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tradeplex.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

@QuarkusTest
@WithTestResource(FakeUpstreamsResource.class)
class RoutingTest {
    FakeUpstreams upstreams;
    private final String token = TestTokens.trader(UUID.randomUUID());

    @BeforeEach
    void reset() {
        upstreams.reset();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "/api/v1/me, user",
            "/api/v1/me/limits, user",
            "/api/v1/me/broker-accounts/42/activate, user",
            "/api/v1/me/sessions, auth",
            "/api/v1/me/sessions/7, auth",
            "/api/v1/me/totp/confirm, auth",
            "/api/v1/admin/users, user",
            "/api/v1/strategies/templates, strategy",
            "/api/v1/backtests, strategy",
            "/api/v1/market/quotes, strategy",
            "/api/v1/orders, order",
            "/api/v1/orders/42, order",
            "/api/v1/portfolio/positions, portfolio",
    })
    void theLongestMatchingPrefixDecides(String path, String upstream) {
        given().auth().oauth2(token).when().get(path)
                .then().statusCode(200).body("servedBy", equalTo(upstream));
        assertThat(upstreams.single().uri()).isEqualTo(path);
    }

    @ParameterizedTest
    @CsvSource({"/api/v1/nope", "/api/v1/ordersX", "/api/v2/orders", "/api"})
    void anUnknownApiPathIsAProblemEvenWithAToken(String path) {
        given().auth().oauth2(token).when().get(path)
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("about:blank"))
                .body("title", equalTo("Not Found"))
                .body("status", equalTo(404))
                .body("code", equalTo("NOT_FOUND"))
                .body("instance", equalTo(path))
                .body("requestId", matchesPattern("[0-9a-f-]{36}"));
        assertThat(upstreams.received()).isEmpty();
    }

    @Test
    void anUnknownApiPathIsNotFoundWithoutATokenToo() {
        given().when().get("/api/v1/nope").then().statusCode(404).body("code", equalTo("NOT_FOUND"));
    }
}
