package io.tradeplex.order.broker;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.tradeplex.contracts.Topics;
import io.tradeplex.contracts.users.UserState;
import io.tradeplex.order.broker.binance.BinanceBroker;
import io.tradeplex.order.broker.traffic.BrokerTraffic;
import io.tradeplex.order.execution.OrderLifecycle;
import io.tradeplex.order.broker.traffic.Egress;
import io.tradeplex.order.support.FakeBinanceResource;
import io.tradeplex.order.support.FakeUserService;
import io.tradeplex.order.support.RecordingProxy;
import io.tradeplex.testing.KafkaProbe;
import io.tradeplex.testing.TestTokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.tradeplex.order.support.FakeBinanceResource.BINANCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Binance orders through the broker traffic control, against a local Binance that verifies signatures: rate limits
 * queue rather than drop, a 429 is honoured, failures open the account's breaker, enough of them in a row halt the
 * user, and an account's pinned egress is the route its calls take. The test profile sets the account window to
 * 3 orders per 2 s and the breaker to open over 4 calls.
 */
@QuarkusTest
@QuarkusTestResource(FakeUserService.class)
@QuarkusTestResource(FakeBinanceResource.class)
class BinanceTrafficTest {
    private static KafkaProbe kafka;

    @Inject
    BrokerTraffic traffic;

    @BeforeAll
    static void openKafka() {
        kafka = new KafkaProbe();
    }

    @AfterAll
    static void closeKafka() {
        kafka.close();
    }

    @Test
    void a429WithRetryAfterHoldsTheOrderUntilThenSendsItOnceMore() {
        Trader ana = Trader.create();
        String clientOrderId = "thr-" + UUID.randomUUID().toString().substring(0, 8);
        BINANCE.throttleNextPlacements(1, 1);
        String orderId = ana.place(clientOrderId);

        awaitStatus(ana, orderId, "FILLED").body("fills.size()", equalTo(1));
        List<Long> arrivals = BINANCE.placementTimes(ana.apiKey());
        assertThat(arrivals).hasSize(2);
        assertThat(arrivals.get(1) - arrivals.get(0)).isGreaterThanOrEqualTo(900);
        assertThat(BINANCE.ordersWithClientId(clientOrderId)).isEqualTo(1);
    }

    @Test
    void ordersBeyondTheAccountsWindowWaitTheirTurnAndAllGoThrough() {
        Trader ana = Trader.create();
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            orders.add(ana.place("win-" + i + "-" + UUID.randomUUID().toString().substring(0, 8)));
        }

        orders.forEach(orderId -> awaitStatus(ana, orderId, "FILLED"));
        List<Long> arrivals = BINANCE.placementTimes(ana.apiKey());
        assertThat(arrivals).hasSize(5);
        assertThat(arrivals.get(2) - arrivals.get(0)).isLessThan(1_500);
        // Small tolerance: the window is kept where calls leave, these are arrival times.
        assertThat(arrivals.get(3) - arrivals.get(0)).isGreaterThanOrEqualTo(1_900);
        assertThat(arrivals.get(4) - arrivals.get(1)).isGreaterThanOrEqualTo(1_900);
    }

    @Test
    void afterRepeatedFailuresTheAccountsBreakerRefusesOrdersAtOnceAndSendsNothing() {
        Trader ana = Trader.create();
        BINANCE.outage(ana.apiKey(), 503);
        try {
            String lost = ana.place("out-" + UUID.randomUUID().toString().substring(0, 8));
            // Its answer is lost and every lookup fails: it stays accepted, its fate unknown, until the breaker opens.
            await().atMost(Duration.ofSeconds(30)).until(() -> BINANCE.callsWith(ana.apiKey()) >= 4);
            awaitStatus(ana, lost, "ACCEPTED");

            // The user's next orders wait for the lost one to be looked up, and the open breaker refuses those lookups
            // at once: refused as RECONCILING, and nothing more reaches Binance.
            String refused = ana.place("out-" + UUID.randomUUID().toString().substring(0, 8));
            awaitStatus(ana, refused, "REJECTED").body("rejectCode", equalTo(OrderLifecycle.RECONCILING));
            int calls = BINANCE.callsWith(ana.apiKey());
            String another = ana.place("out-" + UUID.randomUUID().toString().substring(0, 8));
            awaitStatus(ana, another, "REJECTED").body("rejectCode", equalTo(OrderLifecycle.RECONCILING));
            assertThat(BINANCE.callsWith(ana.apiKey())).isEqualTo(calls);
            assertThat(FakeUserService.killSwitchesOf(ana.id())).isEmpty();
        } finally {
            BINANCE.endOutage(ana.apiKey());
        }
    }

    @Test
    void fiveBrokerErrorsInARowSetTheUsersKillSwitchOnce() {
        Trader ana = Trader.create();
        BINANCE.outage(ana.apiKey(), 500);
        try {
            for (int i = 0; i < 5; i++) {
                ana.place("ks-" + i + "-" + UUID.randomUUID().toString().substring(0, 8));
            }
            await().atMost(Duration.ofSeconds(40)).until(() -> !FakeUserService.killSwitchesOf(ana.id()).isEmpty());
            assertThat(FakeUserService.killSwitchesOf(ana.id())).singleElement().asString()
                    .contains("5 consecutive broker errors");

            // The streak starts again after the switch: one more error does not call again.
            String sixth = ana.place("ks-6-" + UUID.randomUUID().toString().substring(0, 8));
            awaitStatus(ana, sixth, "REJECTED");
            assertThat(FakeUserService.killSwitchesOf(ana.id())).hasSize(1);
        } finally {
            BINANCE.endOutage(ana.apiKey());
        }
    }

    @Test
    void aBusinessRefusalIsNotABrokerError() {
        Trader ana = Trader.create();
        for (int i = 0; i < 6; i++) {
            BINANCE.rejectNextPlacement(400, -2010, "Account has insufficient balance for requested action.");
            String orderId = ana.place("poor-" + i + "-" + UUID.randomUUID().toString().substring(0, 8));
            awaitStatus(ana, orderId, "REJECTED").body("rejectCode", equalTo(BinanceBroker.BROKER_REJECTED));
        }
        assertThat(FakeUserService.killSwitchesOf(ana.id())).isEmpty();
    }

    @Test
    void anAccountPinnedToAProxySendsItsCallsThroughIt() {
        try (RecordingProxy proxy = new RecordingProxy()) {
            Trader ana = Trader.create();
            pin(ana, new UserState.Egress(proxy.url(), null));
            String orderId = ana.place("px-" + UUID.randomUUID().toString().substring(0, 8));

            awaitStatus(ana, orderId, "FILLED");
            assertThat(proxy.forwarded()).containsExactly("POST /api/v3/order " + ana.apiKey());
        }
    }

    @Test
    void anAccountPinnedToASourceAddressReachesTheBrokerFromIt() {
        Trader ana = Trader.create();
        Trader bob = Trader.create();
        pin(ana, new UserState.Egress(null, "127.0.0.2"));

        awaitStatus(ana, ana.place("src-" + UUID.randomUUID().toString().substring(0, 8)), "FILLED");
        awaitStatus(bob, bob.place("src-" + UUID.randomUUID().toString().substring(0, 8)), "FILLED");
        assertThat(BINANCE.sourceAddresses(ana.apiKey())).containsExactly("127.0.0.2");
        assertThat(BINANCE.sourceAddresses(bob.apiKey())).containsExactly("127.0.0.1");
    }

    /** Publishes the user's state as user-service would after an operator pinned the egress, and waits until it is seen. */
    private void pin(Trader trader, UserState.Egress egress) {
        kafka.send("test." + Topics.USERS, trader.id().toString(), new UserState(1, trader.id(), trader.id() + "@example.test",
                "enterprise", "ACTIVE", true, List.of("trader"), List.of("trading:trade"), Instant.now(), false, null, null,
                trader.accountId(), List.of(new UserState.Account(trader.accountId(), "binance", "READY",
                new BigDecimal("10000"), null, null, egress))));
        await().atMost(Duration.ofSeconds(20)).until(() ->
                traffic.egressOf(trader.id(), trader.accountId()).equals(Egress.of(egress)));
    }

    private static ValidatableResponse awaitStatus(Trader trader, String orderId, String status) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                given().auth().oauth2(trader.token()).get("/api/v1/orders/" + orderId).then().statusCode(200)
                        .body("status", equalTo(status)));
        return given().auth().oauth2(trader.token()).get("/api/v1/orders/" + orderId).then();
    }

    private record Trader(UUID id, String token, UUID accountId, String apiKey) {
        static Trader create() {
            UUID id = UUID.randomUUID();
            String apiKey = "key" + UUID.randomUUID().toString().replace("-", "");
            String apiSecret = "secret" + UUID.randomUUID().toString().replace("-", "");
            BINANCE.register(apiKey, apiSecret);
            return new Trader(id, TestTokens.trader(id), FakeUserService.binanceAccountOf(id, apiKey, apiSecret), apiKey);
        }

        String place(String clientOrderId) {
            return given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body(Map.of("accountId", accountId.toString(), "symbol", "BTC-USD", "side", "BUY", "type", "MARKET",
                            "quantity", "0.0001", "clientOrderId", clientOrderId))
                    .post("/api/v1/orders").then().statusCode(202).extract().path("orderId");
        }
    }
}
