package io.tradeplex.strategy.market.bars;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.tradeplex.contracts.Topics;
import io.tradeplex.contracts.market.MarketTick;
import io.tradeplex.testing.KafkaProbe;
import io.tradeplex.testing.TestTokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/** Ticks on the real topic → bars in the table, on the API and as BarClosed events, in order. */
@QuarkusTest
class LiveBarsTest {
    private static final String TICKS = "test." + Topics.MARKET_TICKS;
    /** A symbol of this run alone: other modules' tests publish BTC-USD ticks on the same test topic. */
    private static final String SYMBOL = "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 8)
            .toUpperCase(Locale.ROOT) + "-USD";
    private static final AtomicLong SEQUENCE = new AtomicLong();
    private final String token = TestTokens.trader(UUID.randomUUID());

    @Inject
    RecordedBars recorded;
    @Inject
    BarRepository repository;

    @Test
    void ticksOnTheTopicBecomeStoredBarsAndBarClosedEventsInOrder() {
        try (KafkaProbe kafka = new KafkaProbe()) {
            // The consumer joins the live end of the topic: wait until it reads our symbol before the ticks that count.
            send(kafka, "10:00:05", "100");
            await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(token)
                    .queryParam("symbols", SYMBOL).get("/api/v1/market/quotes")
                    .then().statusCode(200).extract().jsonPath().getList("$").size() == 1);

            send(kafka, "10:01:00", "101");
            send(kafka, "10:01:20", "105.5");
            send(kafka, "10:01:40", "99.25");
            send(kafka, "10:01:59", "102");
            send(kafka, "10:03:10", "103");
            send(kafka, "10:05:00", "104");
            send(kafka, "10:10:00", "106");
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(recorded.of(SYMBOL)).hasSize(4));
        assertThat(recorded.of(SYMBOL)).containsExactly(
                bar(BarInterval.M1, "10:01:00", "101", "105.5", "99.25", "102"),
                bar(BarInterval.M1, "10:03:00", "103", "103", "103", "103"),
                bar(BarInterval.M1, "10:05:00", "104", "104", "104", "104"),
                bar(BarInterval.M5, "10:05:00", "104", "104", "104", "104"));

        List<Map<String, Object>> minutes = bars("1m");
        assertThat(minutes).extracting(b -> b.get("openTime"), b -> b.get("open"), b -> b.get("high"),
                b -> b.get("low"), b -> b.get("close"), b -> b.get("volume")).containsExactly(
                tuple("2024-06-03T10:01:00Z", "101", "105.5", "99.25", "102", "0"),
                tuple("2024-06-03T10:03:00Z", "103", "103", "103", "103", "0"),
                tuple("2024-06-03T10:05:00Z", "104", "104", "104", "104", "0"));
        assertThat(bars("5m")).extracting(b -> b.get("openTime")).containsExactly("2024-06-03T10:05:00Z");
        assertThat(bars("15m")).as("the 10:00 quarter began before the consumer saw the symbol").isEmpty();
    }

    @Test
    void aBarStoredTwiceKeepsTheFirstWrite() throws Throwable {
        String symbol = SYMBOL.replace("-USD", "-EUR");
        Bar first = new Bar(symbol, BarInterval.H1, Instant.parse("2024-06-03T10:00:00Z"), new BigDecimal("10"),
                new BigDecimal("12"), new BigDecimal("9"), new BigDecimal("11"), BigDecimal.ZERO);
        Bar partial = new Bar(symbol, BarInterval.H1, first.openTime(), new BigDecimal("11.5"), new BigDecimal("12"),
                new BigDecimal("11"), new BigDecimal("11"), BigDecimal.ZERO);

        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> repository.insert(List.of(first))));
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> repository.insert(List.of(partial))));

        List<Bar> stored = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> repository.range(
                symbol, BarInterval.H1, first.openTime(), first.closeTime(), 10)));
        assertThat(stored).singleElement().satisfies(bar -> {
            assertThat(bar.open()).isEqualByComparingTo("10");
            assertThat(bar.low()).isEqualByComparingTo("9");
        });
    }

    @AfterAll
    static void removeThisRunsRows() throws Exception {
        try (Connection owner = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/tradeplex_strategy_test",
                "tradeplex", "tradeplex")) {
            for (String table : List.of("bars", "quotes")) {
                try (PreparedStatement delete = owner.prepareStatement(
                        "delete from " + table + " where symbol in (?, ?)")) {
                    delete.setString(1, SYMBOL);
                    delete.setString(2, SYMBOL.replace("-USD", "-EUR"));
                    delete.executeUpdate();
                }
            }
        }
    }

    private List<Map<String, Object>> bars(String interval) {
        return given().auth().oauth2(token)
                .queryParam("symbol", SYMBOL).queryParam("interval", interval)
                .queryParam("from", "2024-06-03T00:00:00Z").queryParam("to", "2024-06-04T00:00:00Z")
                .when().get("/api/v1/market/bars")
                .then().statusCode(200).extract().jsonPath().getList("bars");
    }

    private static void send(KafkaProbe kafka, String time, String price) {
        kafka.send(TICKS, SYMBOL, new MarketTick(MarketTick.SCHEMA_VERSION, SYMBOL, new BigDecimal(price), "test",
                SEQUENCE.incrementAndGet(), at(time)));
    }

    private static Bar bar(BarInterval interval, String openTime, String open, String high, String low, String close) {
        return new Bar(SYMBOL, interval, at(openTime), new BigDecimal(open), new BigDecimal(high), new BigDecimal(low),
                new BigDecimal(close), BigDecimal.ZERO);
    }

    private static Instant at(String time) {
        return Instant.parse("2024-06-03T" + time + "Z");
    }
}
