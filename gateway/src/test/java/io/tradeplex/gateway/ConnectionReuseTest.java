package io.tradeplex.gateway;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tradeplex.testing.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Clients that leave while an answer streams (a closed tab, a timed-out mobile call, a benchmark under overload) must
 * not cost the gateway its pooled connections: after more such departures than the pool holds, the upstream is still
 * reachable at once.
 */
@QuarkusTest
@WithTestResource(FakeUpstreamsResource.class)
class ConnectionReuseTest {
    FakeUpstreams upstreams;

    @TestHTTPResource("/")
    URI gateway;

    private final String token = TestTokens.trader(UUID.randomUUID());

    @AfterEach
    void reset() {
        upstreams.reset();
    }

    @Test
    void clientsLeavingMidAnswerDoNotUseUpTheUpstreamConnections() throws Exception {
        upstreams.answer((upstream, exchange) -> {
            exchange.getResponseHeaders().add("Content-Type", "text/plain");
            exchange.sendResponseHeaders(200, 0);
            OutputStream body = exchange.getResponseBody();
            // Large enough that no buffer on the way holds it back.
            body.write(("partial answer" + " ".repeat(64 * 1024)).getBytes(StandardCharsets.UTF_8));
            body.flush();
            try {
                Thread.sleep(3000);
                body.write(" and the rest".getBytes(StandardCharsets.UTF_8));
                body.close();
            } catch (InterruptedException | java.io.IOException ended) {
                Thread.currentThread().interrupt();
            }
        });
        for (int i = 0; i < FakeUpstreamsResource.MAX_CONNECTIONS * 2; i++) {
            leaveMidAnswer("/api/v1/portfolio/stream-" + i);
        }

        upstreams.reset();
        await().atMost(Duration.ofSeconds(FakeUpstreamsResource.UPSTREAM_TIMEOUT_SECONDS * 3L)).untilAsserted(() ->
                given().auth().oauth2(token).get("/api/v1/portfolio/positions").then().statusCode(200)
                        .body("servedBy", equalTo("portfolio")));
    }

    /** Sends a request, waits for the first bytes of the answer's body, and hangs up. */
    private void leaveMidAnswer(String path) throws Exception {
        try (Socket socket = new Socket(gateway.getHost(), gateway.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + gateway.getHost() + "\r\n"
                    // A user each: the test tier allows only a few calls a second per user.
                    + "Authorization: Bearer " + TestTokens.trader(UUID.randomUUID()) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            StringBuilder seen = new StringBuilder();
            while (!seen.toString().contains("partial answer")) {
                int read = in.read();
                if (read < 0) {
                    throw new IllegalStateException("The gateway closed before the answer started: " + seen);
                }
                seen.append((char) read);
            }
        }
    }
}
