package io.tradeplex.gateway;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tradeplex.testing.TestLog;
import io.tradeplex.testing.TestTokens;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * CWE-532 at the edge, through the real log pipeline (the file handler with its redact-secrets filter, see
 * {@link TestLog}): a bearer token, a rejected one and a token in a query string reach no log line.
 */
@QuarkusTest
@WithTestResource(FakeUpstreamsResource.class)
class SecretsStayOutOfTheLogTest {
    FakeUpstreams upstreams;

    @BeforeEach
    void reset() {
        upstreams.reset();
    }

    @Test
    void aBearerTokenIsNeverLoggedAndEveryLineOfItsRequestNamesUserAndRequest() {
        UUID userId = UUID.randomUUID();
        String token = TestTokens.trader(userId);
        String requestId = "log-canary-" + UUID.randomUUID();

        given().auth().oauth2(token).header("X-Request-Id", requestId)
                .when().get("/api/v1/portfolio/positions")
                .then().statusCode(200);

        List<String> lines = TestLog.assertRequestLoggedWithout(requestId, token, signatureOf(token));
        assertThat(lines).allSatisfy(line -> {
            JsonObject mdc = new JsonObject(line).getJsonObject("mdc");
            assertThat(mdc.getString("requestId")).isEqualTo(requestId);
            assertThat(mdc.getString("userId")).isEqualTo(userId.toString());
        });
    }

    @Test
    void aRejectedBearerTokenIsNeverLogged() {
        String forged = TestLog.canary("bearer");
        String requestId = "log-canary-" + UUID.randomUUID();

        given().header("Authorization", "Bearer " + forged).header("X-Request-Id", requestId)
                .when().get("/api/v1/orders")
                .then().statusCode(401);

        TestLog.assertRequestLoggedWithout(requestId, forged);
    }

    @Test
    void aTokenInTheQueryStringIsNeverLogged() {
        String token = TestTokens.trader(UUID.randomUUID());
        String queryToken = TestLog.canary("access-token");
        String apiKey = TestLog.canary("api-key");
        String requestId = "log-canary-" + UUID.randomUUID();

        given().auth().oauth2(token).header("X-Request-Id", requestId)
                .queryParam("access_token", queryToken).queryParam("apiKey", apiKey)
                .when().get("/api/v1/portfolio/trades")
                .then().statusCode(200);

        TestLog.assertRequestLoggedWithout(requestId, queryToken, apiKey, signatureOf(token));
    }

    private static String signatureOf(String jwt) {
        return jwt.substring(jwt.lastIndexOf('.') + 1);
    }
}
