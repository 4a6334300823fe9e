package io.tradeplex.order.risk;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.tradeplex.contracts.Topics;
import io.tradeplex.contracts.controls.GlobalKillSwitch;
import io.tradeplex.contracts.users.UserState;
import io.tradeplex.order.support.FakeUserService;
import io.tradeplex.order.support.TestTopics;
import io.tradeplex.testing.KafkaProbe;
import io.tradeplex.testing.TestTokens;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** The REST path answers a broken rule at once with 422 naming it, and follows limit and control changes. */
@QuarkusTest
@QuarkusTestResource(FakeUserService.class)
class RiskCheckApiTest {
    private static final Logger LOG = Logger.getLogger(RiskCheckApiTest.class);
    private static final KafkaProbe KAFKA = new KafkaProbe();
    private static final AtomicInteger ATTEMPT = new AtomicInteger();
    private static final UserState.Limits BASIC = limits("50", List.of("BTC-USD", "ETH-USD"));
    private static final UserState.Limits PRO = limits("200", List.of("BTC-USD", "ETH-USD", "SOL-USD"));

    @AfterAll
    static void closeKafka() {
        KAFKA.close();
    }

    @Test
    void aTierUpgradeChangesWhatIsAcceptedAndAnUnlistedSymbolIsRefused() {
        UUID user = UUID.randomUUID();
        UUID account = FakeUserService.paperAccountOf(user);
        String token = TestTokens.trader(user);
        publish(user, account, BASIC, Instant.now());

        // 0.002 BTC at 64,000 = 128 USD: above basic's 50, within pro's 200.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> place(token, account, "BTC-USD", "0.002")
                .then().statusCode(422).contentType("application/problem+json")
                .body("code", equalTo(RiskRules.ORDER_SIZE_LIMIT)).body("detail", containsString("50 USD")));
        place(token, account, "SOL-USD", "0.01").then().statusCode(422).body("code", equalTo(RiskRules.SYMBOL_NOT_ALLOWED));

        long upgradedAt = System.nanoTime();
        publish(user, account, PRO, Instant.now());
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> place(token, account, "BTC-USD", "0.002").statusCode() == 202);
        LOG.infof("A tier change reached the REST risk check %d ms after it was published",
                (System.nanoTime() - upgradedAt) / 1_000_000);
        place(token, account, "BTC-USD", "0.01").then().statusCode(422).body("code", equalTo(RiskRules.ORDER_SIZE_LIMIT));

        List<KafkaProbe.Received> denials = KAFKA.await(TestTopics.of(Topics.AUDIT), user.toString(),
                record -> record.value().contains(RiskRules.SYMBOL_NOT_ALLOWED), 1, Duration.ofSeconds(20));
        assertThat(denials).hasSize(1);
    }

    @Test
    void openOrdersCountTowardsThePositionLimitAndTheNumberOfOpenPositions() {
        UUID user = UUID.randomUUID();
        UUID account = FakeUserService.paperAccountOf(user);
        String token = TestTokens.trader(user);
        publish(user, account, BASIC, Instant.now());
        // 0.0005 BTC at 64,000 = 32 USD: one fits basic's 50, two together would be 64.
        await().atMost(Duration.ofSeconds(20)).until(() -> place(token, account, "BTC-USD", "0.0005").statusCode() == 202);
        place(token, account, "BTC-USD", "0.0005").then().statusCode(422)
                .body("code", equalTo(ExposureRules.MAX_POSITION_SIZE)).body("detail", containsString("64.00 USD"));
        // Basic allows two open positions: BTC (an open order) and ETH; nothing else could be opened.
        place(token, account, "ETH-USD", "0.0001").then().statusCode(202);
        List<KafkaProbe.Received> rejected = KAFKA.await(TestTopics.of(Topics.AUDIT), user.toString(),
                record -> record.value().contains(ExposureRules.MAX_POSITION_SIZE), 1, Duration.ofSeconds(20));
        assertThat(rejected).hasSize(1);
    }

    @Test
    void anAccountListedInTheUsersStateNeedsNoCallToUserService() {
        UUID user = UUID.randomUUID();
        UUID listed = FakeUserService.paperAccountOf(user);
        UUID unlisted = FakeUserService.paperAccountOf(user);
        String token = TestTokens.trader(user);
        publish(user, listed, BASIC, Instant.now());
        await().atMost(Duration.ofSeconds(20)).until(() -> place(token, listed, "BTC-USD", "0.0001").statusCode() == 202);
        place(token, listed, "BTC-USD", "0.0001").then().statusCode(202);
        assertThat(FakeUserService.lookupsOf(listed)).isZero();

        // Not (yet) in the state, e.g. just linked: user-service is asked.
        place(token, unlisted, "BTC-USD", "0.0001").then().statusCode(202);
        assertThat(FakeUserService.lookupsOf(unlisted)).isEqualTo(1);
    }

    @Test
    void theGlobalKillSwitchRefusesEveryUsersOrderUntilItIsReset() {
        UUID user = UUID.randomUUID();
        UUID account = FakeUserService.paperAccountOf(user);
        String token = TestTokens.trader(user);
        publish(user, account, BASIC, Instant.now());
        await().atMost(Duration.ofSeconds(20)).until(() -> place(token, account, "BTC-USD", "0.0001").statusCode() == 202);

        UUID admin = UUID.randomUUID();
        try {
            KAFKA.send(TestTopics.of(Topics.CONTROLS), GlobalKillSwitch.KEY,
                    new GlobalKillSwitch(1, true, "test halt", admin, Instant.now()));
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> place(token, account, "BTC-USD", "0.0001")
                    .then().statusCode(422).body("code", equalTo(RiskRules.GLOBAL_KILL_SWITCH))
                    .body("detail", containsString("test halt")));
        } finally {
            KAFKA.send(TestTopics.of(Topics.CONTROLS), GlobalKillSwitch.KEY,
                    new GlobalKillSwitch(1, false, "test over", admin, Instant.now()));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> place(token, account, "BTC-USD", "0.0001").statusCode() == 202);
    }

    @Test
    void theUsersKillSwitchCancelsTheirRestingOrdersAndRefusesNewOnes() {
        UUID user = UUID.randomUUID();
        UUID account = FakeUserService.paperAccountOf(user);
        String token = TestTokens.trader(user);
        publish(user, account, BASIC, Instant.now().minusSeconds(1));
        String resting = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("accountId", account.toString(), "symbol", "BTC-USD", "side", "BUY", "type", "LIMIT",
                        "quantity", "0.0001", "limitPrice", "1000", "clientOrderId", "resting-" + ATTEMPT.incrementAndGet()))
                .post("/api/v1/orders").then().statusCode(202).extract().path("orderId");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(token).get("/api/v1/orders/" + resting)
                .then().body("status", equalTo("ACCEPTED")));
        Instant now = Instant.now();
        KAFKA.send(TestTopics.of(Topics.USERS), user.toString(), new UserState(1, user, user + "@example.test", "basic", "ACTIVE",
                true, List.of("trader"), List.of("trading:trade"), now, false, BASIC,
                new UserState.KillSwitch("cooling off", "user", user, now), account, List.of()));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> place(token, account, "BTC-USD", "0.0001")
                .then().statusCode(422).body("code", equalTo(RiskRules.KILL_SWITCH)));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(token).get("/api/v1/orders/" + resting)
                .then().body("status", equalTo("CANCELLED")));
    }

    private static void publish(UUID user, UUID account, UserState.Limits limits, Instant at) {
        KAFKA.send(TestTopics.of(Topics.USERS), user.toString(), new UserState(1, user, user + "@example.test",
                limits == PRO ? "pro" : "basic", "ACTIVE", true, List.of("trader"), List.of("trading:trade"), at, false,
                limits, null, account, List.of(new UserState.Account(account, "paper", "READY", new BigDecimal("10000"),
                null, limits))));
    }

    private static Response place(String token, UUID account, String symbol, String quantity) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("accountId", account.toString(), "symbol", symbol, "side", "BUY", "type", "LIMIT",
                        "quantity", quantity, "limitPrice", "64000", "clientOrderId", "risk-" + ATTEMPT.incrementAndGet()))
                .post("/api/v1/orders");
    }

    private static UserState.Limits limits(String maxUsd, List<String> symbols) {
        BigDecimal max = new BigDecimal(maxUsd);
        return new UserState.Limits(max, max, max.divide(new BigDecimal("2")), 5, symbols, null);
    }
}
