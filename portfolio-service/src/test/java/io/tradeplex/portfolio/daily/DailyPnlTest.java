package io.tradeplex.portfolio.daily;

import io.quarkus.test.junit.QuarkusTest;
import io.tradeplex.contracts.EventJson;
import io.tradeplex.contracts.EventSchemas;
import io.tradeplex.contracts.market.MarketTick;
import io.tradeplex.contracts.orders.Side;
import io.tradeplex.contracts.portfolio.DailyLossLimitBreached;
import io.tradeplex.contracts.portfolio.DailyPnl;
import io.tradeplex.contracts.users.UserState;
import io.tradeplex.portfolio.Trader;
import io.tradeplex.portfolio.market.MarkPrices;
import io.tradeplex.portfolio.user.UserDirectory;
import io.tradeplex.testing.KafkaProbe;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** Daily P&L and the daily-loss protection, with the tracker's rounds run by the test at chosen instants. */
@QuarkusTest
class DailyPnlTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static KafkaProbe kafka;
    private static long tickSequence = System.currentTimeMillis();

    @Inject
    DailyPnlTracker tracker;
    @Inject
    MarkPrices marks;
    @Inject
    UserDirectory users;

    @BeforeAll
    static void connect() {
        kafka = new KafkaProbe();
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
    }

    @Test
    void theDaysPnlIsRealizedLessFeesPlusTheMoveOfTheOpenPositions() {
        Trader trader = new Trader();
        String symbol = Trader.uniqueSymbol();
        trader.send(kafka, trader.fill(symbol, Side.BUY, "2", "100", "0.2"));
        trader.send(kafka, trader.fill(symbol, Side.SELL, "1", "110", "0.1"));
        awaitTrades(trader, 2);
        mark(symbol, "105");

        String today = LocalDate.now(ZoneOffset.UTC).toString();
        trader.api().get("/api/v1/portfolio/pnl")
                .then().statusCode(200)
                .body("timeZone", equalTo("UTC"))
                .body("days", hasSize(1))
                .body("days[0].tradingDay", equalTo(today))
                .body("days[0].total.realizedPnl", equalTo("10"))
                .body("days[0].total.fees", equalTo("0.3"))
                .body("days[0].total.unrealizedPnl", equalTo("5"))
                .body("days[0].total.netPnl", equalTo("14.7"))
                .body("days[0].total.trades", equalTo(2))
                .body("days[0].accounts", hasSize(1))
                .body("days[0].accounts[0].accountId", equalTo(trader.accountId.toString()))
                .body("total.netPnl", equalTo("14.7"));

        tracker.evaluate(Instant.now()).await().atMost(WAIT);

        DailyPnl published = latestDailyPnl(trader, pnl -> pnl.trades() == 2);
        assertThat(published.tradingDay()).isEqualTo(LocalDate.parse(today));
        assertThat(published.netPnl()).isEqualByComparingTo("14.7");
        assertThat(published.realizedPnl()).isEqualByComparingTo("10");
        assertThat(published.unrealizedPnl()).isEqualByComparingTo("5");
        assertThat(published.maxDailyLossUsd()).isNull();
        assertThat(published.accounts()).singleElement()
                .satisfies(account -> assertThat(account.netPnl()).isEqualByComparingTo("14.7"));
    }

    @Test
    void aLossThatReachesTheLimitIsOneBreachForTheDayAndTheNextDayStartsFresh() {
        Trader trader = new Trader();
        publishState(trader, "25", null);
        String symbol = Trader.uniqueSymbol();
        trader.send(kafka, trader.fill(symbol, Side.BUY, "1", "100", "0"));
        awaitTrades(trader, 1);
        Instant now = Instant.now();

        mark(symbol, "80");
        tracker.evaluate(now).await().atMost(WAIT);
        assertThat(latestDailyPnl(trader, pnl -> pnl.netPnl().compareTo(new BigDecimal("-20")) == 0).maxDailyLossUsd())
                .isEqualByComparingTo("25");

        mark(symbol, "74.5");
        tracker.evaluate(now.plusSeconds(2)).await().atMost(WAIT);
        tracker.evaluate(now.plusSeconds(4)).await().atMost(WAIT);

        List<KafkaProbe.Received> breaches = kafka.await(Trader.PORTFOLIO, trader.key(),
                received -> DailyLossLimitBreached.TYPE.equals(received.type()), 2, Duration.ofSeconds(3));
        assertThat(breaches).hasSize(1);
        assertThat(EventSchemas.violations(DailyLossLimitBreached.TYPE, breaches.get(0).value())).isEmpty();
        DailyLossLimitBreached breach = EventJson.read(breaches.get(0).value(), DailyLossLimitBreached.class);
        assertThat(breach.userId()).isEqualTo(trader.userId);
        assertThat(breach.tradingDay()).isEqualTo(LocalDate.ofInstant(now, ZoneOffset.UTC));
        assertThat(breach.netPnl()).isEqualByComparingTo("-25.5");
        assertThat(breach.maxDailyLossUsd()).isEqualByComparingTo("25");

        // Tomorrow the same open position carries its loss in: the day starts at zero and only tomorrow's move counts.
        Instant tomorrow = now.plus(Duration.ofDays(1));
        tracker.evaluate(tomorrow).await().atMost(WAIT);
        LocalDate nextDay = LocalDate.ofInstant(tomorrow, ZoneOffset.UTC);
        DailyPnl fresh = latestDailyPnl(trader, pnl -> pnl.tradingDay().equals(nextDay));
        assertThat(fresh.netPnl()).isZero();
        mark(symbol, "70.5");
        tracker.evaluate(tomorrow.plusSeconds(2)).await().atMost(WAIT);
        assertThat(latestDailyPnl(trader, pnl -> pnl.tradingDay().equals(nextDay)
                && pnl.netPnl().compareTo(new BigDecimal("-4")) == 0).unrealizedPnl()).isEqualByComparingTo("-4");
        assertThat(kafka.await(Trader.PORTFOLIO, trader.key(),
                received -> DailyLossLimitBreached.TYPE.equals(received.type()), 2, Duration.ofSeconds(2))).hasSize(1);
    }

    @Test
    void aCarriedPositionClosedAtTodaysMarkCostsTheDayOnlyItsFee() {
        Trader trader = new Trader();
        String symbol = Trader.uniqueSymbol();
        Instant yesterday = Instant.now().minus(Duration.ofDays(1));
        trader.send(kafka, trader.fillAt(symbol, Side.BUY, "1", "100", "0", "fill-" + UUID.randomUUID(), yesterday));
        awaitTrades(trader, 1);
        mark(symbol, "90");
        trader.send(kafka, trader.fill(symbol, Side.SELL, "1", "90", "0.1"));
        awaitTrades(trader, 2);

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        trader.api().queryParam("from", today.minusDays(1).toString()).get("/api/v1/portfolio/pnl")
                .then().statusCode(200)
                .body("days", hasSize(2))
                .body("days[0].tradingDay", equalTo(today.minusDays(1).toString()))
                .body("days[0].total.trades", equalTo(1))
                .body("days[1].tradingDay", equalTo(today.toString()))
                .body("days[1].total.realizedPnl", equalTo("-10"))
                .body("days[1].total.unrealizedPnl", equalTo("10"))
                .body("days[1].total.netPnl", equalTo("-0.1"));
        trader.api().queryParam("day", today.toString()).get("/api/v1/portfolio/trades")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].side", equalTo("SELL"));
    }

    @Test
    void theTradingDayIsTheUsersOwnAndNobodyElseSeesIt() {
        Trader trader = new Trader();
        ZoneId kiritimati = ZoneId.of("Pacific/Kiritimati");
        publishState(trader, "100", kiritimati.getId());
        String symbol = Trader.uniqueSymbol();
        trader.send(kafka, trader.fill(symbol, Side.BUY, "1", "100", "0.5"));
        awaitTrades(trader, 1);

        LocalDate today = LocalDate.now(kiritimati);
        trader.api().get("/api/v1/portfolio/pnl")
                .then().statusCode(200)
                .body("timeZone", equalTo("Pacific/Kiritimati"))
                .body("days[0].tradingDay", equalTo(today.toString()))
                .body("days[0].total.netPnl", equalTo("-0.5"));
        trader.api().queryParam("day", today.toString()).get("/api/v1/portfolio/trades").then().body("total", equalTo(1));
        trader.api().queryParam("day", today.minusDays(1).toString()).get("/api/v1/portfolio/trades")
                .then().body("total", equalTo(0));

        Trader other = new Trader();
        other.api().queryParam("accountId", trader.accountId).get("/api/v1/portfolio/pnl")
                .then().statusCode(200).body("days", empty()).body("total.trades", equalTo(0));
    }

    @Test
    void aRangeBackwardsOrBeyondAYearIsRefusedNamingTheField() {
        Trader trader = new Trader();
        trader.api().queryParam("from", "2026-03-02").queryParam("to", "2026-03-01").get("/api/v1/portfolio/pnl")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("to"));
        trader.api().queryParam("from", "2024-01-01").queryParam("to", "2026-01-01").get("/api/v1/portfolio/pnl")
                .then().statusCode(400).body("errors[0].field", equalTo("to"));
    }

    private void publishState(Trader trader, String maxDailyLossUsd, String timeZone) {
        UserState.Limits limits = new UserState.Limits(new BigDecimal("1000"), new BigDecimal("1000"),
                new BigDecimal(maxDailyLossUsd), 20, List.of(UserState.ANY_SYMBOL), null);
        kafka.send(Trader.USERS, trader.key(), new UserState(UserState.SCHEMA_VERSION, trader.userId,
                trader.userId + "@example.test", "enterprise", UserState.STATUS_ACTIVE, true, List.of("trader"),
                List.of("trading:trade"), Instant.now(), false, limits, null, trader.accountId, List.of(), timeZone));
        await().atMost(WAIT).until(() -> users.of(trader.userId).maxDailyLossUsd() != null);
    }

    private void mark(String symbol, String price) {
        marks.offer(new MarketTick(MarketTick.SCHEMA_VERSION, symbol, new BigDecimal(price), "test", tickSequence++,
                Instant.now()));
    }

    /** The first DailyPnl of the trader that matches, checked against its schema. */
    private static DailyPnl latestDailyPnl(Trader trader, Predicate<DailyPnl> matching) {
        List<KafkaProbe.Received> found = kafka.await(Trader.PORTFOLIO, trader.key(),
                received -> DailyPnl.TYPE.equals(received.type())
                        && matching.test(EventJson.read(received.value(), DailyPnl.class)), 1, WAIT);
        assertThat(found).as("a matching DailyPnl").isNotEmpty();
        assertThat(EventSchemas.violations(DailyPnl.TYPE, found.get(0).value())).isEmpty();
        assertThat(found.get(0).subject()).isEqualTo(trader.key());
        return EventJson.read(found.get(0).value(), DailyPnl.class);
    }

    private static void awaitTrades(Trader trader, int count) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> trader.api()
                .get("/api/v1/portfolio/trades").then().statusCode(200).body("total", equalTo(count)));
    }
}
