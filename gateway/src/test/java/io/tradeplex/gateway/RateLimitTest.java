package io.tradeplex.gateway;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.tradeplex.contracts.Topics;
import io.tradeplex.contracts.users.UserState;
import io.tradeplex.gateway.ratelimit.UserTiers;
import io.tradeplex.testing.KafkaProbe;
import io.tradeplex.testing.TestTokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The test profile's limits: basic 5/1s + 8/1m, pro 10/1s + 16/1m, public calls 10/1m per client address. The
 * gateway's clock only moves when a test moves it, so every count below is exact.
 */
@QuarkusTest
@WithTestResource(FakeUpstreamsResource.class)
class RateLimitTest {
    FakeUpstreams upstreams;

    @Inject
    ManualTime time;

    @Inject
    UserTiers userTiers;

    /** A minute is every limit's longest period: after it, every bucket, the shared per-address one too, is full. */
    @BeforeEach
    @AfterEach
    void refillEveryBucket() {
        upstreams.reset();
        time.advance(Duration.ofMinutes(1));
    }

    @Test
    void aBasicUserGetsABurstPerSecondAndASustainedRatePerMinute() {
        String token = TestTokens.trader(UUID.randomUUID());
        for (int call = 0; call < 5; call++) {
            get(token).then().statusCode(200);
        }

        Response burstRefused = get(token);
        assertRateLimited(burstRefused);
        assertThat(burstRefused.header("Retry-After")).isEqualTo("1");

        time.advance(Duration.ofSeconds(1));
        for (int call = 0; call < 3; call++) {
            get(token).then().statusCode(200);
        }
        Response minuteRefused = get(token);
        assertRateLimited(minuteRefused);
        // 8 per minute refill one every 7.5 s, and one second's worth has come back already.
        assertThat(Integer.parseInt(minuteRefused.header("Retry-After"))).isBetween(6, 8);

        assertThat(upstreams.received()).hasSize(8);
    }

    @Test
    void eachUserHasABucketOfTheirOwn() {
        String first = TestTokens.trader(UUID.randomUUID());
        for (int call = 0; call < 5; call++) {
            get(first).then().statusCode(200);
        }
        assertRateLimited(get(first));

        get(TestTokens.trader(UUID.randomUUID())).then().statusCode(200);
    }

    @Test
    void aProUserGetsTheLargerAllowanceOnceTheirStateIsPublished() {
        UUID userId = UUID.randomUUID();
        publishTier(userId, "pro");

        String token = TestTokens.trader(userId);
        for (int call = 0; call < 10; call++) {
            get(token).then().statusCode(200);
        }
        assertRateLimited(get(token));
    }

    @Test
    void aTierWithoutConfiguredLimitsIsLimitedAsTheDefaultTier() {
        UUID userId = UUID.randomUUID();
        publishTier(userId, "platinum");

        String token = TestTokens.trader(userId);
        for (int call = 0; call < 5; call++) {
            get(token).then().statusCode(200);
        }
        assertRateLimited(get(token));
    }

    @Test
    void callsWithoutATokenAreLimitedPerClientAddressApartFromUsers() {
        for (int call = 0; call < 10; call++) {
            given().contentType("application/json").body("{}").when().post("/api/v1/auth/login").then().statusCode(200);
        }
        Response refused = given().contentType("application/json").body("{}").when().post("/api/v1/auth/login");
        assertRateLimited(refused);
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 6);

        get(TestTokens.trader(UUID.randomUUID())).then().statusCode(200);
        assertThat(upstreams.received()).hasSize(11);
    }

    @Test
    void refusalsAreCountedPerPlanNeverPerUser() {
        UUID userId = UUID.randomUUID();
        String token = TestTokens.trader(userId);
        double before = basicRefusals(given().when().get("/q/metrics").then().statusCode(200).extract().asString());
        for (int call = 0; call < 6; call++) {
            get(token);
        }

        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(basicRefusals(metrics)).isGreaterThan(before);
        assertThat(metrics).doesNotContain(userId.toString());
    }

    private static double basicRefusals(String metrics) {
        Matcher sample = Pattern
                .compile("(?m)^tradeplex_gateway_rate_limited_total\\{plan=\"basic\"\\} (\\S+)$").matcher(metrics);
        assertThat(sample.find()).as("the basic plan's refusal counter is registered up front").isTrue();
        return Double.parseDouble(sample.group(1));
    }

    /** As user-service does on every change, and waits until the gateway has read it. */
    private void publishTier(UUID userId, String tier) {
        try (KafkaProbe kafka = new KafkaProbe()) {
            kafka.send("test." + Topics.USERS, userId.toString(), new UserState(UserState.SCHEMA_VERSION, userId,
                    userId + "@example.test", tier, "ACTIVE", true, List.of("trader"), List.of(), Instant.now(), false, null, null, null, List.of()));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> userTiers.tierOf(userId.toString()).equals(Optional.of(tier)));
    }

    private static Response get(String token) {
        return given().auth().oauth2(token).when().get("/api/v1/orders");
    }

    private static void assertRateLimited(Response response) {
        response.then().statusCode(429)
                .contentType("application/problem+json")
                .body("code", equalTo("RATE_LIMITED"))
                .body("status", equalTo(429));
        assertThat(response.header("X-Request-Id")).isNotBlank();
        assertThat(Integer.parseInt(response.header("Retry-After"))).isPositive();
    }
}
