package io.tradeplex.portfolio.position;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.tradeplex.contracts.EventJson;
import io.tradeplex.contracts.orders.OrderFilled;
import io.tradeplex.contracts.orders.Side;
import io.tradeplex.portfolio.Trader;
import io.tradeplex.testing.KafkaProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The portfolio is a function of the fills on the order topic: replaying a trader's fills from the topic's beginning
 * through the same arithmetic gives exactly the live positions, realized P&L, fees and day figures — whatever
 * redeliveries and re-published fills the topic also carries.
 */
@QuarkusTest
class PortfolioRebuildTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static KafkaProbe kafka;

    @BeforeAll
    static void connect() {
        kafka = new KafkaProbe();
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
    }

    @Test
    void replayingTheTopicFromTheBeginningGivesTheLiveTables() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        Trader trader = new Trader();
        List<String> symbols = List.of(Trader.uniqueSymbol(), Trader.uniqueSymbol(), Trader.uniqueSymbol());
        int records = 0;
        Set<String> fillIds = new HashSet<>();
        for (int i = 0; i < 80; i++) {
            OrderFilled fill = trader.fill(symbols.get(random.nextInt(symbols.size())),
                    random.nextBoolean() ? Side.BUY : Side.SELL,
                    BigDecimal.valueOf(1 + random.nextInt(50_000), 4).toPlainString(),
                    BigDecimal.valueOf(90_00 + random.nextInt(20_00), 2).toPlainString(),
                    BigDecimal.valueOf(random.nextInt(5_000), 5).toPlainString());
            String eventId = UUID.randomUUID().toString();
            kafka.sendWithId(Trader.ORDERS, trader.key(), eventId, fill);
            records++;
            fillIds.add(fill.fillId());
            switch (random.nextInt(10)) {
                case 0 -> { // a redelivery of the same event
                    kafka.sendWithId(Trader.ORDERS, trader.key(), eventId, fill);
                    records++;
                }
                case 1 -> { // the same broker fill re-published under a new event id
                    trader.send(kafka, fill);
                    records++;
                }
                default -> {
                }
            }
        }
        int distinctFills = fillIds.size();
        await().atMost(WAIT).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> trader.api()
                .get("/api/v1/portfolio/trades").then().statusCode(200).body("total", equalTo(distinctFills)));

        Replayed replayed = replay(trader, records);

        String positions = trader.api().get("/api/v1/portfolio/positions").then().statusCode(200).extract().asString();
        List<Map<String, String>> live = JsonPath.from(positions).getList("$");
        Map<String, Position> open = new TreeMap<>();
        replayed.positions().forEach((symbol, position) -> {
            if (position.isOpen()) {
                open.put(symbol, position);
            }
        });
        assertThat(live).as("open positions (seed %d)", seed).hasSize(open.size());
        for (Map<String, String> row : live) {
            Position expected = open.get(row.get("symbol"));
            assertThat(expected).as("position %s (seed %d)", row.get("symbol"), seed).isNotNull();
            assertThat(new BigDecimal(row.get("quantity"))).isEqualByComparingTo(expected.quantity());
            assertThat(new BigDecimal(row.get("avgPrice"))).isEqualByComparingTo(expected.avgPrice());
        }
        JsonPath stats = JsonPath.from(trader.api().get("/api/v1/portfolio/stats").then().statusCode(200).extract().asString());
        assertThat(stats.getLong("totalTrades")).isEqualTo(distinctFills);
        assertThat(new BigDecimal(stats.getString("realizedPnl"))).as("seed %d", seed).isEqualByComparingTo(replayed.realized());
        assertThat(new BigDecimal(stats.getString("fees"))).isEqualByComparingTo(replayed.fees());
        assertThat(stats.getLong("roundTrips")).isEqualTo(replayed.trips().closed());
        JsonPath day = JsonPath.from(trader.api().get("/api/v1/portfolio/pnl").then().statusCode(200).extract().asString());
        assertThat(new BigDecimal(day.getString("total.realizedPnl"))).isEqualByComparingTo(replayed.realized());
        assertThat(new BigDecimal(day.getString("total.fees"))).isEqualByComparingTo(replayed.fees());
        assertThat(day.getLong("total.trades")).isEqualTo(distinctFills);
    }

    private record Replayed(Map<String, Position> positions, BigDecimal realized, BigDecimal fees, RoundTripCount trips) {
    }

    /** The trader's fills as the topic holds them, in order, each broker fill once, through the domain's arithmetic. */
    private static Replayed replay(Trader trader, int records) {
        List<KafkaProbe.Received> received = kafka.await(Trader.ORDERS, trader.key(),
                record -> OrderFilled.TYPE.equals(record.type()), records, WAIT);
        assertThat(received).hasSize(records);
        Map<String, Position> positions = new TreeMap<>();
        Map<String, RoundTrips> trips = new TreeMap<>();
        Set<String> applied = new HashSet<>();
        for (KafkaProbe.Received record : received) {
            OrderFilled fill = EventJson.read(record.value(), OrderFilled.class);
            if (!applied.add(fill.broker() + "/" + fill.fillId())) {
                continue;
            }
            Fill arithmetic = Fill.of(fill);
            Position before = positions.getOrDefault(fill.symbol(), Position.FLAT);
            Position.Applied after = before.apply(arithmetic);
            trips.put(fill.symbol(), trips.getOrDefault(fill.symbol(), RoundTrips.NONE).after(before, arithmetic, after));
            positions.put(fill.symbol(), after.position());
        }
        BigDecimal realized = positions.values().stream().map(Position::realizedPnl).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal fees = positions.values().stream().map(Position::fees).reduce(BigDecimal.ZERO, BigDecimal::add);
        RoundTripCount closed = trips.values().stream().map(t -> new RoundTripCount(t.closed(), t.won()))
                .reduce(RoundTripCount.NONE, RoundTripCount::plus);
        return new Replayed(positions, realized, fees, closed);
    }
}
