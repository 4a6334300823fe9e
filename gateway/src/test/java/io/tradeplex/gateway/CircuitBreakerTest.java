package io.tradeplex.gateway;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.tradeplex.testing.TestTokens;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The test profile opens a breaker after 3 failures in a row, for the default 30 s. Only the flaky fake is ever broken
 * here, so no other test sees an open breaker.
 */
@QuarkusTest
@WithTestResource(FakeUpstreamsResource.class)
class CircuitBreakerTest {
    private static final String FLAKY = "/api/v1/" + FakeUpstreamsResource.FLAKY;

    FakeUpstreams upstreams;

    @Inject
    ManualTime time;

    @ConfigProperty(name = "tradeplex.gateway.circuit-breaker.failure-threshold")
    int failureThreshold;

    @ConfigProperty(name = "tradeplex.gateway.circuit-breaker.open-duration")
    Duration openDuration;

    @BeforeEach
    void reset() {
        upstreams.reset();
    }

    /** Leaves the flaky breaker closed: whatever a test did to it, a trial call after the open duration succeeds. */
    @AfterEach
    void closeTheBreaker() {
        upstreams.reset();
        time.advance(openDuration);
        given().auth().oauth2(token()).when().get(FLAKY).then().statusCode(200);
    }

    @Test
    void anUpstreamThatKeepsBreakingIsCutOffWhileTheOthersAreStillCalled() {
        breakFlaky();
        int callsSoFar = upstreams.received().size();

        Response refused = given().auth().oauth2(token()).when().get(FLAKY + "/things");

        refused.then().statusCode(503)
                .contentType("application/problem+json")
                .body("code", equalTo("UPSTREAM_UNAVAILABLE"))
                .body("status", equalTo(503))
                .body("instance", equalTo(FLAKY + "/things"));
        assertThat(refused.header("X-Request-Id")).isNotBlank();
        assertThat(Long.parseLong(refused.header("Retry-After"))).isEqualTo(openDuration.toSeconds());
        assertThat(upstreams.received()).hasSize(callsSoFar);

        given().auth().oauth2(token()).when().get("/api/v1/orders").then().statusCode(200).body("servedBy", equalTo("order"));
        assertThat(metrics()).contains("tradeplex_gateway_upstream_circuit_state{state=\"open\",upstream=\"flaky\"} 1.0")
                .contains("tradeplex_gateway_upstream_circuit_state{state=\"closed\",upstream=\"order\"} 1.0");
    }

    @Test
    void afterTheOpenDurationOneSuccessfulTrialClosesTheBreaker() {
        breakFlaky();
        time.advance(openDuration.minusSeconds(1));
        given().auth().oauth2(token()).when().get(FLAKY).then().statusCode(503).header("Retry-After", "1");

        upstreams.reset();
        time.advance(Duration.ofSeconds(1));
        given().auth().oauth2(token()).when().get(FLAKY).then().statusCode(200);
        given().auth().oauth2(token()).when().get(FLAKY).then().statusCode(200);

        assertThat(upstreams.received()).hasSize(2);
        assertThat(metrics()).contains("tradeplex_gateway_upstream_circuit_state{state=\"closed\",upstream=\"flaky\"} 1.0");
    }

    @Test
    void aFailedTrialOpensTheBreakerForAnotherFullDuration() {
        breakFlaky();
        time.advance(openDuration);

        given().auth().oauth2(token()).when().get(FLAKY).then().statusCode(502);

        given().auth().oauth2(token()).when().get(FLAKY).then().statusCode(503)
                .header("Retry-After", Long.toString(openDuration.toSeconds()));
    }

    /** A 500 is the service's own answer: the service is up, and its answer reaches the client unchanged. */
    @Test
    void errorAnswersDoNotOpenTheBreaker() {
        upstreams.answer((upstream, exchange) -> FakeUpstreams.reply(exchange, 500,
                Map.of("Content-Type", "application/problem+json"), "{\"code\":\"INTERNAL\"}"));

        for (int call = 0; call < failureThreshold * 2; call++) {
            given().auth().oauth2(token()).when().get(FLAKY).then().statusCode(500).body("code", equalTo("INTERNAL"));
        }

        assertThat(upstreams.received()).hasSize(failureThreshold * 2);
        assertThat(metrics()).contains("tradeplex_gateway_upstream_circuit_state{state=\"closed\",upstream=\"flaky\"} 1.0");
    }

    private void breakFlaky() {
        upstreams.answer(FakeUpstreams.dropConnectionsTo(FakeUpstreamsResource.FLAKY));
        for (int call = 0; call < failureThreshold; call++) {
            given().auth().oauth2(token()).when().get(FLAKY).then().statusCode(502).body("code", equalTo("UPSTREAM_UNAVAILABLE"));
        }
    }

    /** A fresh user per call keeps these calls clear of the per-user rate limit. */
    private static String token() {
        return TestTokens.trader(UUID.randomUUID());
    }

    private static String metrics() {
        return given().when().get("/q/metrics").then().statusCode(200).extract().asString();
    }
}
