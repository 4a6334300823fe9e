package io.tradeplex.gateway;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.tradeplex.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@WithTestResource(FakeUpstreamsResource.class)
class ProxyTest {
    FakeUpstreams upstreams;

    @TestHTTPResource("/")
    URI gateway;

    private final UUID userId = UUID.randomUUID();
    private final String token = TestTokens.trader(userId);

    @BeforeEach
    void reset() {
        upstreams.reset();
    }

    @Test
    void forwardsTheRequestAndRelaysTheAnswer() {
        upstreams.answer((upstream, exchange) -> FakeUpstreams.reply(exchange, 202,
                Map.of("Content-Type", "application/json", "Location", "/api/v1/orders/o-1", "X-Upstream-Note", "fresh"),
                "{\"orderId\":\"o-1\",\"status\":\"PENDING\"}"));
        String order = "{\"symbol\":\"BTCUSDT\",\"side\":\"BUY\",\"quantity\":\"0.5\"}";

        Response response = given().auth().oauth2(token)
                .contentType("application/json")
                .header("X-Request-Id", "client-req.1")
                .header("X-Custom", "kept")
                .body(order)
                .when().post("/api/v1/orders?accountId=a-1&dryRun=true");

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.header("Location")).isEqualTo("/api/v1/orders/o-1");
        assertThat(response.header("X-Upstream-Note")).isEqualTo("fresh");
        assertThat(response.header("X-Request-Id")).isEqualTo("client-req.1");
        assertThat(response.body().asString()).isEqualTo("{\"orderId\":\"o-1\",\"status\":\"PENDING\"}");

        FakeUpstreams.Received received = upstreams.single();
        assertThat(received.upstream()).isEqualTo("order");
        assertThat(received.method()).isEqualTo("POST");
        assertThat(received.uri()).isEqualTo("/api/v1/orders?accountId=a-1&dryRun=true");
        assertThat(received.body()).isEqualTo(order);
        assertThat(received.header("Content-Type")).startsWith("application/json");
        assertThat(received.header("X-Custom")).isEqualTo("kept");
        // Upstreams verify the token again and take the user from its subject.
        assertThat(received.header("Authorization")).isEqualTo("Bearer " + token);
        assertThat(received.header("X-Request-Id")).isEqualTo("client-req.1");
        assertThat(received.header("X-Forwarded-For")).isEqualTo("127.0.0.1");
        assertThat(received.header("X-Forwarded-Proto")).isEqualTo("http");
        assertThat(received.header("X-Forwarded-Host")).isEqualTo(gateway.getHost() + ":" + gateway.getPort());
    }

    @Test
    void headersThatClaimAnIdentityOrOriginNeverReachAnUpstream() {
        given().auth().oauth2(token)
                .header("X-User-Id", UUID.randomUUID().toString())
                .header("X-Forwarded-User", "admin")
                .header("X-Auth-Roles", "admin")
                .header("X-Forwarded-For", "203.0.113.7")
                .header("Forwarded", "for=203.0.113.7")
                .header("Proxy-Authorization", "Basic c2VjcmV0")
                .when().get("/api/v1/me")
                .then().statusCode(200);

        FakeUpstreams.Received received = upstreams.single();
        assertThat(received.headers()).doesNotContainKeys("X-User-Id", "X-Forwarded-User", "X-Auth-Roles", "Forwarded",
                "Proxy-Authorization");
        assertThat(received.header("X-Forwarded-For")).isEqualTo("127.0.0.1");
    }

    @Test
    void anUnsafeRequestIdIsReplacedByAFreshOne() {
        Response response = given().auth().oauth2(token)
                .header("X-Request-Id", "not allowed/" + "x".repeat(80))
                .when().get("/api/v1/me");

        String requestId = response.header("X-Request-Id");
        assertThat(UUID.fromString(requestId)).isNotNull();
        assertThat(upstreams.single().header("X-Request-Id")).isEqualTo(requestId);
    }

    @Test
    void upstreamErrorsAndOtherMethodsPassThroughUnchanged() {
        upstreams.answer((upstream, exchange) -> FakeUpstreams.reply(exchange, 422,
                Map.of("Content-Type", "application/problem+json"), "{\"code\":\"RISK_MAX_POSITION\"}"));

        given().auth().oauth2(token).when().delete("/api/v1/orders/o-1")
                .then().statusCode(422).contentType("application/problem+json");
        given().auth().oauth2(token).contentType("application/json").body("{\"tier\":\"pro\"}")
                .when().put("/api/v1/admin/users/u-1/tier")
                .then().statusCode(422);

        assertThat(upstreams.received()).extracting(FakeUpstreams.Received::method).containsExactly("DELETE", "PUT");
    }

    @Test
    void aNoContentAnswerStaysBodiless() {
        upstreams.answer((upstream, exchange) -> FakeUpstreams.reply(exchange, 204, Map.of(), ""));

        Response response = given().auth().oauth2(token).when().delete("/api/v1/me/broker-accounts/a-1");

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.header("Transfer-Encoding")).isNull();
        assertThat(response.body().asString()).isEmpty();
    }

    @Test
    void theGatewayAnswersExpectContinueItselfAndForwardsTheBody() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(gateway.resolve("/api/v1/admin/users/import"))
                .header("Authorization", "Bearer " + token)
                .expectContinue(true)
                .POST(HttpRequest.BodyPublishers.ofString("email\nnew@example.test\n"))
                .build();

        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        FakeUpstreams.Received received = upstreams.single();
        assertThat(received.body()).isEqualTo("email\nnew@example.test\n");
        assertThat(received.headers()).doesNotContainKey("Expect");
    }

    @Test
    void aResponseStreamReachesTheClientEventByEvent() throws Exception {
        CountDownLatch firstEventSeen = new CountDownLatch(1);
        upstreams.answer((upstream, exchange) -> {
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write("data: first\n\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
                // The second event waits for the client to see the first, which a buffering proxy would never deliver.
                boolean streamed = firstEventSeen.await(5, TimeUnit.SECONDS);
                out.write((streamed ? "data: second\n\n" : "data: buffered\n\n").getBytes(StandardCharsets.UTF_8));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        HttpRequest request = HttpRequest.newBuilder(gateway.resolve("/api/v1/portfolio/stream"))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").build();

        HttpResponse<InputStream> response = HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (BufferedReader events = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            assertThat(events.readLine()).isEqualTo("data: first");
            firstEventSeen.countDown();
            assertThat(events.readLine()).isEmpty();
            assertThat(events.readLine()).isEqualTo("data: second");
        }
    }

    @Test
    void aClientLeavingAStreamEndsItUpstream() throws Exception {
        CountDownLatch upstreamStreamClosed = new CountDownLatch(1);
        upstreams.answer((upstream, exchange) -> {
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int tick = 0; tick < 200; tick++) {
                    out.write(("data: tick " + tick + "\n\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    Thread.sleep(50);
                }
            } catch (IOException closed) {
                upstreamStreamClosed.countDown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        HttpRequest request = HttpRequest.newBuilder(gateway.resolve("/api/v1/portfolio/stream"))
                .header("Authorization", "Bearer " + token).build();

        HttpResponse<InputStream> response = HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (BufferedReader events = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            assertThat(events.readLine()).isEqualTo("data: tick 0");
        }

        assertThat(upstreamStreamClosed.await(5, TimeUnit.SECONDS)).as("upstream stream closed").isTrue();
    }
}
