package io.tradeplex.portfolio;

import io.restassured.specification.RequestSpecification;
import io.tradeplex.contracts.Topics;
import io.tradeplex.contracts.orders.OrderFilled;
import io.tradeplex.contracts.orders.OrderStatus;
import io.tradeplex.contracts.orders.Side;
import io.tradeplex.testing.KafkaProbe;
import io.tradeplex.testing.TestTokens;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;

/** A test user with one paper account, who trades symbols no other test (or tick feed) uses. */
public final class Trader {
    public static final String ORDERS = "test." + Topics.ORDERS;
    public static final String PORTFOLIO = "test." + Topics.PORTFOLIO;
    public static final String TICKS = "test." + Topics.MARKET_TICKS;
    public static final String USERS = "test." + Topics.USERS;

    public final UUID userId = UUID.randomUUID();
    public final UUID accountId = UUID.randomUUID();
    private final String token = TestTokens.trader(userId);
    private Instant clock = Instant.now();

    public RequestSpecification api() {
        return given().auth().oauth2(token);
    }

    public String key() {
        return userId.toString();
    }

    /** A fill of this trader's account; each one executes 1 ms after the previous, so "newest first" is defined. */
    public OrderFilled fill(String symbol, Side side, String quantity, String price, String fee) {
        return fill(symbol, side, quantity, price, fee, "fill-" + UUID.randomUUID());
    }

    public OrderFilled fill(String symbol, Side side, String quantity, String price, String fee, String fillId) {
        clock = clock.plusMillis(1);
        return fillAt(symbol, side, quantity, price, fee, fillId, clock);
    }

    public OrderFilled fillAt(String symbol, Side side, String quantity, String price, String fee, String fillId,
                              Instant executedAt) {
        BigDecimal qty = new BigDecimal(quantity);
        BigDecimal px = new BigDecimal(price);
        return new OrderFilled(OrderFilled.SCHEMA_VERSION, UUID.randomUUID(), userId, accountId, "paper",
                "client-" + UUID.randomUUID(), symbol, side, fillId, qty, px, new BigDecimal(fee), "USD", qty, px,
                OrderStatus.FILLED, executedAt);
    }

    /** @return the fill's ce_id */
    public String send(KafkaProbe kafka, OrderFilled fill) {
        return kafka.send(ORDERS, key(), fill);
    }

    /** A symbol of the schema's shape that nothing else in the test run trades or ticks. */
    public static String uniqueSymbol() {
        StringBuilder symbol = new StringBuilder("T");
        for (int i = 0; i < 8; i++) {
            symbol.append((char) ('A' + ThreadLocalRandom.current().nextInt(26)));
        }
        return symbol.append("-USD").toString();
    }
}
