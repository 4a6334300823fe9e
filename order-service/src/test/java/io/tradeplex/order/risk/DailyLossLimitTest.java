package io.tradeplex.order.risk;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.tradeplex.contracts.EventJson;
import io.tradeplex.contracts.Topics;
import io.tradeplex.contracts.market.MarketTick;
import io.tradeplex.contracts.orders.OrderRejected;
import io.tradeplex.contracts.orders.OrderType;
import io.tradeplex.contracts.orders.PlaceOrder;
import io.tradeplex.contracts.orders.Side;
import io.tradeplex.contracts.portfolio.DailyPnl;
import io.tradeplex.contracts.users.UserState;
import io.tradeplex.order.market.LatestPrices;
import io.tradeplex.order.support.FakeUserService;
import io.tradeplex.order.support.TestTopics;
import io.tradeplex.order.user.UserStates;
import io.tradeplex.testing.KafkaProbe;
import io.tradeplex.testing.TestTokens;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * portfolio-service's day P&L reaches the order checks: at the limit nothing that adds to a position passes, on the
 * REST path (422) and the command path (REJECTED); what reduces a position still does.
 */
@QuarkusTest
@QuarkusTestResource(FakeUserService.class)
class DailyLossLimitTest {
    private static final Logger LOG = Logger.getLogger(DailyLossLimitTest.class);
    private static final KafkaProbe KAFKA = new KafkaProbe();
    private static final AtomicLong SEQUENCE = new AtomicLong(System.currentTimeMillis());
    /** Far from UTC, so a rule that counted the UTC day would misjudge for most of the day. */
    private static final String ZONE = "Pacific/Kiritimati";
    private static final UserState.Limits LIMITS = new UserState.Limits(new BigDecimal("10000"), new BigDecimal("10000"),
            new BigDecimal("25"), 5, List.of(UserState.ANY_SYMBOL), null);

    @Inject
    UserStates userStates;
    @Inject
    LatestPrices prices;
    @Inject
    DailyPnls dailyPnls;

    @AfterAll
    static void closeKafka() {
        KAFKA.close();
    }

    @Test
    void aLossAtTheLimitRefusesANewBuyWithinASecondWhileASellThatReducesPasses() {
        String symbol = uniqueSymbol();
        KAFKA.send(TestTopics.of(Topics.MARKET_TICKS), symbol, new MarketTick(1, symbol, new BigDecimal("100"), "test",
                SEQUENCE.incrementAndGet(), Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> prices.of(symbol).isPresent());
        Trader trader = trader();
        String bought = trader.place(symbol, "BUY", "MARKET", "1", null).then().statusCode(202).extract().path("orderId");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> trader.get(bought).then().body("status", equalTo("FILLED")));

        DailyPnl lost = pnl(trader.id, today(), "-30");
        KAFKA.send(TestTopics.of(Topics.PORTFOLIO), trader.id.toString(), lost);
        awaitWithinASecond(lost);

        trader.place(symbol, "BUY", "LIMIT", "0.01", "50").then().statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo(DailyLossRules.DAILY_LOSS_LIMIT))
                .body("detail", containsString("-30.00 USD"))
                .body("detail", containsString("daily loss limit is 25 USD"))
                .body("detail", containsString(ZONE));
        String sell = trader.place(symbol, "SELL", "LIMIT", "0.5", "150").then().statusCode(202).extract().path("orderId");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> trader.get(sell).then().body("status", equalTo("ACCEPTED")));

        List<KafkaProbe.Received> denials = KAFKA.await(TestTopics.of(Topics.AUDIT), trader.id.toString(),
                record -> record.value().contains(DailyLossRules.DAILY_LOSS_LIMIT), 1, Duration.ofSeconds(20));
        assertThat(denials).hasSize(1);
    }

    @Test
    void yesterdaysLossAndALossWithinTheLimitDoNotBlockButTheLimitItselfDoes() {
        String symbol = uniqueSymbol();
        Trader trader = trader();

        DailyPnl yesterday = pnl(trader.id, today().minusDays(1), "-300");
        KAFKA.send(TestTopics.of(Topics.PORTFOLIO), trader.id.toString(), yesterday);
        awaitKnown(yesterday);
        // Accepted on the command path too, before anything else changes the P&L.
        String first = trader.place(symbol, "BUY", "LIMIT", "0.01", "50").then().statusCode(202).extract().path("orderId");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> trader.get(first).then().body("status", equalTo("ACCEPTED")));

        DailyPnl withinLimit = pnl(trader.id, today(), "-24.99");
        KAFKA.send(TestTopics.of(Topics.PORTFOLIO), trader.id.toString(), withinLimit);
        awaitKnown(withinLimit);
        String second = trader.place(symbol, "BUY", "LIMIT", "0.01", "50").then().statusCode(202).extract().path("orderId");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> trader.get(second).then().body("status", equalTo("ACCEPTED")));

        DailyPnl atLimit = pnl(trader.id, today(), "-25");
        KAFKA.send(TestTopics.of(Topics.PORTFOLIO), trader.id.toString(), atLimit);
        awaitWithinASecond(atLimit);
        trader.place(symbol, "BUY", "LIMIT", "0.01", "50").then().statusCode(422)
                .body("code", equalTo(DailyLossRules.DAILY_LOSS_LIMIT)).body("detail", containsString("-25.00 USD"));
    }

    @Test
    void theCommandPathRejectsAStrategysBuyOnceTheLimitIsReached() {
        String symbol = uniqueSymbol();
        Trader trader = trader();
        DailyPnl lost = pnl(trader.id, today(), "-26");
        KAFKA.send(TestTopics.of(Topics.PORTFOLIO), trader.id.toString(), lost);
        awaitKnown(lost);

        UUID orderId = UUID.randomUUID();
        KAFKA.send(TestTopics.of(Topics.ORDER_COMMANDS), trader.id.toString(), new PlaceOrder(PlaceOrder.SCHEMA_VERSION,
                orderId, trader.id, trader.accountId, "paper", "strategy-" + orderId, symbol, Side.BUY, OrderType.LIMIT,
                new BigDecimal("0.01"), new BigDecimal("50"), "strategy:" + UUID.randomUUID(), Instant.now()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> trader.get(orderId.toString()).then()
                .statusCode(200).body("status", equalTo("REJECTED"))
                .body("rejectCode", equalTo(DailyLossRules.DAILY_LOSS_LIMIT)));
        List<KafkaProbe.Received> rejected = KAFKA.await(TestTopics.of(Topics.ORDERS), trader.id.toString(),
                record -> OrderRejected.TYPE.equals(record.type()), 1, Duration.ofSeconds(20));
        assertThat(rejected).hasSize(1);
        OrderRejected event = EventJson.read(rejected.get(0).value(), OrderRejected.class);
        assertThat(event.orderId()).isEqualTo(orderId);
        assertThat(event.rejectCode()).isEqualTo(DailyLossRules.DAILY_LOSS_LIMIT);
        assertThat(event.rejectReason()).contains("-26.00 USD");
    }

    /** A trader on {@link #ZONE}'s trading day with one paper account, whose state this instance already knows. */
    private Trader trader() {
        UUID id = UUID.randomUUID();
        UUID account = FakeUserService.paperAccountOf(id);
        KAFKA.send(TestTopics.of(Topics.USERS), id.toString(), new UserState(1, id, id + "@example.test", "pro",
                "ACTIVE", true, List.of("trader"), List.of("trading:trade"), Instant.now(), false, LIMITS, null, account,
                List.of(new UserState.Account(account, "paper", "READY", new BigDecimal("10000"), null, LIMITS)), ZONE));
        await().atMost(Duration.ofSeconds(30)).until(() -> userStates.of(id).isPresent());
        return new Trader(id, TestTokens.trader(id), account);
    }

    /**
     * The REST and command checks read this instance's in-memory P&L, so once it holds the record the next order is
     * judged by it: the second measured is the consumer's, not the HTTP round trip's.
     */
    private void awaitWithinASecond(DailyPnl pnl) {
        long sentAt = System.nanoTime();
        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(5))
                .until(() -> dailyPnls.of(pnl.userId()).filter(pnl::equals).isPresent());
        LOG.infof("A day's P&L reached the risk check %d ms after it was published", (System.nanoTime() - sentAt) / 1_000_000);
    }

    private void awaitKnown(DailyPnl pnl) {
        await().atMost(Duration.ofSeconds(30)).until(() -> dailyPnls.of(pnl.userId()).filter(pnl::equals).isPresent());
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of(ZONE));
    }

    private static DailyPnl pnl(UUID user, LocalDate day, String netPnl) {
        BigDecimal net = new BigDecimal(netPnl);
        return new DailyPnl(DailyPnl.SCHEMA_VERSION, user, day, ZONE, net, BigDecimal.ZERO, BigDecimal.ZERO, net, 1,
                LIMITS.maxDailyLossUsd(), List.of(), Instant.now());
    }

    private static String uniqueSymbol() {
        return "L" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36).toUpperCase() + "-USD";
    }

    private record Trader(UUID id, String token, UUID accountId) {
        Response place(String symbol, String side, String type, String quantity, String limitPrice) {
            Map<String, Object> body = new HashMap<>(Map.of("accountId", accountId.toString(), "symbol", symbol,
                    "side", side, "type", type, "quantity", quantity, "clientOrderId", "daily-loss-" + UUID.randomUUID()));
            if (limitPrice != null) {
                body.put("limitPrice", limitPrice);
            }
            return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/v1/orders");
        }

        Response get(String orderId) {
            return given().auth().oauth2(token).get("/api/v1/orders/" + orderId);
        }
    }
}
