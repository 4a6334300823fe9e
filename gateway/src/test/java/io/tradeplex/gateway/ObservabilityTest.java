package io.tradeplex.gateway;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tradeplex.testing.TestTokens;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@WithTestResource(FakeUpstreamsResource.class)
class ObservabilityTest {
    private final Logger accessLogger = Logger.getLogger("io.tradeplex.gateway.access");
    private final List<String> accessLines = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            accessLines.add(record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    FakeUpstreams upstreams;

    @BeforeEach
    void captureAccessLog() {
        upstreams.reset();
        accessLogger.addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        accessLogger.removeHandler(capture);
    }

    @Test
    void eachRequestWritesOneAccessLineWithoutItsQueryString() {
        UUID userId = UUID.randomUUID();
        given().auth().oauth2(TestTokens.trader(userId)).header("X-Request-Id", "obs-1")
                .when().get("/api/v1/portfolio/trades?format=csv&apiKey=canary-secret")
                .then().statusCode(200);

        await().atMost(Duration.ofSeconds(5)).until(() -> accessLines.stream().anyMatch(line -> line.contains("obs-1")));
        List<String> lines = accessLines.stream().filter(line -> line.contains("obs-1")).toList();
        assertThat(lines).hasSize(1).noneMatch(line -> line.contains("canary-secret"));
        JsonObject line = new JsonObject(lines.get(0));
        assertThat(line.getString("method")).isEqualTo("GET");
        assertThat(line.getString("path")).isEqualTo("/api/v1/portfolio/trades");
        assertThat(line.getInteger("status")).isEqualTo(200);
        assertThat(line.getLong("durationMs")).isNotNegative();
        assertThat(line.getString("requestId")).isEqualTo("obs-1");
        assertThat(line.getString("userId")).isEqualTo(userId.toString());
        assertThat(line.getString("upstream")).isEqualTo("portfolio");
    }

    @Test
    void everyAnswerCarriesARequestIdEvenWhereNoUpstreamIsInvolved() {
        assertThat(given().when().get("/q/health/live").then().extract().header("X-Request-Id")).isNotBlank();
        assertThat(given().when().get("/q/metrics").then().extract().header("X-Request-Id")).isNotBlank();
        assertThat(given().when().get("/api/v1/orders").then().statusCode(401).extract().header("X-Request-Id")).isNotBlank();
        given().header("X-Request-Id", "obs-2").when().get("/api/v1/nope").then().statusCode(404).header("X-Request-Id", "obs-2");
    }

    @Test
    void requestsAreTimedByRouteAndStatusClassNeverByUser() {
        UUID userId = UUID.randomUUID();
        given().auth().oauth2(TestTokens.trader(userId)).when().get("/api/v1/orders/" + userId).then().statusCode(200);
        given().when().get("/api/v1/orders").then().statusCode(401);

        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics)
                .contains("tradeplex_gateway_requests_seconds_count{route=\"order\",status=\"2xx\"}")
                .contains("tradeplex_gateway_requests_seconds_count{route=\"order\",status=\"4xx\"}")
                .doesNotContain(userId.toString());
    }
}
