package io.tradeplex.gateway;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tradeplex.testing.TestTokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Kite calls its postback URL without a token: that one method and path is open, and nothing beside it. */
@QuarkusTest
@WithTestResource(FakeUpstreamsResource.class)
class KitePostbackRouteTest {
    private static final String POSTBACK = "/api/v1/brokers/kite/postback";

    FakeUpstreams upstreams;

    @Inject
    ManualTime time;

    /** Public calls share one bucket per address: start each test with it full. */
    @BeforeEach
    void reset() {
        upstreams.reset();
        time.advance(Duration.ofMinutes(1));
    }

    @Test
    void kitesPostbackReachesOrderServiceWithoutAToken() {
        given().contentType("application/json").body("{\"order_id\":\"220303000308932\"}")
                .header("X-User-Id", UUID.randomUUID().toString())
                .when().post(POSTBACK).then().statusCode(200).body("servedBy", equalTo("order"));

        FakeUpstreams.Received received = upstreams.single();
        assertThat(received.method()).isEqualTo("POST");
        assertThat(received.uri()).isEqualTo(POSTBACK);
        assertThat(received.body()).contains("220303000308932");
        // No caller identity rides along on the open path, whatever the client sent.
        assertThat(received.header("X-User-Id")).isNull();
    }

    @Test
    void everythingBesideThatExactMethodAndPathStillNeedsAToken() {
        given().when().get(POSTBACK).then().statusCode(401).header("WWW-Authenticate", "Bearer");
        given().when().put(POSTBACK).then().statusCode(401);
        given().when().delete(POSTBACK).then().statusCode(401);
        given().when().post(POSTBACK + "/extra").then().statusCode(401);
        given().when().post(POSTBACK + "/").then().statusCode(401);
        given().when().post("/api/v1/orders").then().statusCode(401);
        assertThat(upstreams.received()).isEmpty();

        // Neighbouring broker paths are not routed at all, with or without a token.
        String token = TestTokens.trader(UUID.randomUUID());
        given().when().post("/api/v1/brokers/binance/postback").then().statusCode(404);
        given().auth().oauth2(token).when().post("/api/v1/brokers/kite").then().statusCode(404);
        given().when().post("/api/v1/brokers").then().statusCode(404);
        assertThat(upstreams.received()).isEmpty();
    }
}
