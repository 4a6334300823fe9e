package io.tradeplex.order.broker;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tradeplex.contracts.Topics;
import io.tradeplex.contracts.users.UserState;
import io.tradeplex.order.account.BrokerCredentials;
import io.tradeplex.order.broker.kite.KiteHttp;
import io.tradeplex.order.broker.traffic.BrokerCall;
import io.tradeplex.order.broker.traffic.BrokerTraffic;
import io.tradeplex.order.broker.traffic.Egress;
import io.tradeplex.order.support.FakeKiteResource;
import io.tradeplex.order.support.FakeUserService;
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
import static io.tradeplex.order.support.FakeKiteResource.KITE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Kite orders through the broker traffic control, against the local Kite: the account's order window queues orders
 * rather than dropping them (the test profile sets it to 3 orders per 2 s), an account's pinned source address is the
 * one its calls leave from, and an expired session is not a failure of Kite.
 */
@QuarkusTest
@QuarkusTestResource(FakeUserService.class)
@QuarkusTestResource(FakeKiteResource.class)
class KiteTrafficTest {
    private static KafkaProbe kafka;

    @Inject
    BrokerTraffic traffic;

    @Inject
    KiteHttp kiteHttp;

    @BeforeAll
    static void openKafka() {
        kafka = new KafkaProbe();
    }

    @AfterAll
    static void closeKafka() {
        kafka.close();
    }

    @Test
    void ordersBeyondTheAccountsWindowWaitTheirTurnAndAllGoThrough() {
        Trader ana = Trader.create();
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            orders.add(ana.place());
        }

        orders.forEach(orderId -> ana.awaitFilled(orderId));
        List<Long> arrivals = KITE.placementTimes(ana.apiKey());
        assertThat(arrivals).hasSize(5);
        assertThat(arrivals.get(2) - arrivals.get(0)).isLessThan(1_500);
        // Small tolerance: the window is kept where calls leave, these are arrival times.
        assertThat(arrivals.get(3) - arrivals.get(0)).isGreaterThanOrEqualTo(1_900);
        assertThat(arrivals.get(4) - arrivals.get(1)).isGreaterThanOrEqualTo(1_900);
    }

    @Test
    void anAccountPinnedToASourceAddressReachesKiteFromIt() {
        Trader ana = Trader.create();
        Trader bob = Trader.create();
        pin(ana, new UserState.Egress(null, "127.0.0.2"));

        ana.awaitFilled(ana.place());
        bob.awaitFilled(bob.place());
        assertThat(KITE.sourceAddresses(ana.apiKey())).containsExactly("127.0.0.2");
        assertThat(KITE.sourceAddresses(bob.apiKey())).containsExactly("127.0.0.1");
    }

    @Test
    void refusalsOfAnExpiredSessionDoNotOpenTheAccountsBreaker() {
        Trader ana = Trader.create();
        BrokerCall lookup = BrokerCall.query("kite", ana.id(), ana.accountId(), 1);
        BrokerCredentials expired = new BrokerCredentials(ana.accountId(), "kite", ana.apiKey(), "unused", "expired-token",
                null, null);
        // More refusals than the test profile's breaker needs (4 calls, half of them failed) to open.
        for (int i = 0; i < 6; i++) {
            KiteHttp.Answer refused = kiteHttp.get(lookup, "/orders", expired).await().atMost(Duration.ofSeconds(10));
            assertThat(refused.sessionExpired()).isTrue();
        }

        BrokerCredentials live = new BrokerCredentials(ana.accountId(), "kite", ana.apiKey(), "unused", ana.accessToken(),
                null, null);
        assertThat(kiteHttp.get(lookup, "/orders", live).await().atMost(Duration.ofSeconds(10)).ok()).isTrue();
    }

    /** Publishes the user's state as user-service would after an operator pinned the egress, and waits until it is seen. */
    private void pin(Trader trader, UserState.Egress egress) {
        kafka.send("test." + Topics.USERS, trader.id().toString(), new UserState(1, trader.id(), trader.id() + "@example.test",
                "enterprise", "ACTIVE", true, List.of("trader"), List.of("trading:trade"), Instant.now(), false, null, null,
                trader.accountId(), List.of(new UserState.Account(trader.accountId(), "kite", "READY",
                new BigDecimal("10000"), null, null, egress))));
        await().atMost(Duration.ofSeconds(20)).until(() ->
                traffic.egressOf(trader.id(), trader.accountId()).equals(Egress.of(egress)));
    }

    private record Trader(UUID id, String token, UUID accountId, String apiKey, String accessToken) {
        static Trader create() {
            UUID id = UUID.randomUUID();
            String apiKey = "kitekey" + UUID.randomUUID().toString().replace("-", "");
            String apiSecret = "kitesecret" + UUID.randomUUID().toString().replace("-", "");
            String kiteUserId = "CD" + (1000 + (int) (Math.random() * 9000));
            KITE.register(apiKey, apiSecret, kiteUserId);
            String accessToken = KITE.openSession(apiKey);
            UUID accountId = FakeUserService.kiteAccountOf(id, apiKey, apiSecret, accessToken, kiteUserId);
            return new Trader(id, TestTokens.trader(id), accountId, apiKey, accessToken);
        }

        /** A MARKET order, which Kite executes at once. */
        String place() {
            return given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body(Map.of("accountId", accountId.toString(), "symbol", "INFY-NSE", "side", "BUY", "type", "MARKET",
                            "quantity", "1", "clientOrderId", "kt-" + UUID.randomUUID().toString().substring(0, 8)))
                    .post("/api/v1/orders").then().statusCode(202).extract().path("orderId");
        }

        void awaitFilled(String orderId) {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                    given().auth().oauth2(token).get("/api/v1/orders/" + orderId).then().statusCode(200)
                            .body("status", equalTo("FILLED")));
        }
    }
}
