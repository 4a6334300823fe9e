package io.tradeplex.gateway;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tradeplex.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@WithTestResource(FakeUpstreamsResource.class)
class UpstreamFailureTest {
    private static final int TWO_MIB = 2 * 1024 * 1024;

    FakeUpstreams upstreams;

    @TestHTTPResource("/")
    URI gateway;

    private final String token = TestTokens.trader(UUID.randomUUID());

    @BeforeEach
    void reset() {
        upstreams.reset();
    }

    @Test
    void anUpstreamThatIsDownIsABadGateway() {
        given().auth().oauth2(token).when().get("/api/v1/offline/anything")
                .then().statusCode(502)
                .contentType("application/problem+json")
                .body("title", equalTo("Upstream unavailable"))
                .body("code", equalTo("UPSTREAM_UNAVAILABLE"))
                .body("instance", equalTo("/api/v1/offline/anything"));
    }

    @Test
    void anUpstreamThatDoesNotAnswerInTimeIsAGatewayTimeout() {
        upstreams.answer((upstream, exchange) -> {
            try {
                Thread.sleep((FakeUpstreamsResource.UPSTREAM_TIMEOUT_SECONDS + 2) * 1000L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            FakeUpstreams.reply(exchange, 200, Map.of(), "late");
        });

        given().auth().oauth2(token).when().get("/api/v1/orders")
                .then().statusCode(504)
                .contentType("application/problem+json")
                .body("code", equalTo("UPSTREAM_TIMEOUT"));
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {TWO_MIB, 11 * 1024 * 1024})
    void aBodyOverTheLimitIsRefusedUnsent(int size) {
        given().auth().oauth2(token).contentType("application/json").body(new byte[size])
                .when().post("/api/v1/orders")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("code", equalTo("PAYLOAD_TOO_LARGE"));
        assertThat(upstreams.received()).isEmpty();
    }

    /** A raw socket, since JDK 17's HttpClient never returns when a 100-continue request gets a final answer. */
    @Test
    void anOversizedUploadThatExpectsContinueIsRefusedBeforeItIsSent() throws Exception {
        try (Socket socket = new Socket(gateway.getHost(), gateway.getPort())) {
            socket.setSoTimeout(5000);
            String head = "POST /api/v1/orders HTTP/1.1\r\nHost: " + gateway.getAuthority() + "\r\n"
                    + "Authorization: Bearer " + token + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + TWO_MIB + "\r\nExpect: 100-continue\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));

            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();

            assertThat(statusLine).startsWith("HTTP/1.1 413");
        }
        assertThat(upstreams.received()).isEmpty();
    }

    @Test
    void aChunkedBodyOverTheLimitIsCutOff() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(gateway.resolve("/api/v1/orders"))
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[TWO_MIB])))
                .build();

        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("\"code\":\"PAYLOAD_TOO_LARGE\"");
        assertThat(upstreams.received()).extracting(FakeUpstreams.Received::body).allSatisfy(body ->
                assertThat(body.length()).isLessThanOrEqualTo(1024 * 1024));
    }
}
