package io.tradeplex.strategy.market.bars;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.tradeplex.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class BarResourceTest {
    private static final String BARS = "/api/v1/market/bars";
    private static final Instant SET_START = Instant.parse("2025-01-01T00:00:00Z");
    private final String token = TestTokens.trader(UUID.randomUUID());

    @Test
    void servesTheHistoricalSetsBarsAsTheFileHasThemOldestFirst() throws IOException {
        JsonPath answer = given().auth().oauth2(token)
                .queryParam("symbol", "BTC-USD").queryParam("interval", "1h")
                .queryParam("from", "2025-01-01T00:00:00Z").queryParam("to", "2025-01-01T05:00:00Z")
                .when().get(BARS)
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("symbol", equalTo("BTC-USD"))
                .body("interval", equalTo("1h"))
                .body("from", equalTo("2025-01-01T00:00:00Z"))
                .body("to", equalTo("2025-01-01T05:00:00Z"))
                .body("next", equalTo(null))
                .extract().jsonPath();

        List<Map<String, Object>> bars = answer.getList("bars");
        List<String> rows = csvRows("history/BTC-USD-1h.csv").subList(1, 6);
        assertThat(bars).hasSize(5);
        for (int i = 0; i < 5; i++) {
            String[] fields = rows.get(i).split(",");
            Map<String, Object> bar = bars.get(i);
            assertThat(bar).containsOnlyKeys("openTime", "open", "high", "low", "close", "volume");
            assertThat(bar.get("openTime")).isEqualTo(fields[0]);
            assertThat(new BigDecimal((String) bar.get("open"))).isEqualByComparingTo(fields[1]);
            assertThat(new BigDecimal((String) bar.get("high"))).isEqualByComparingTo(fields[2]);
            assertThat(new BigDecimal((String) bar.get("low"))).isEqualByComparingTo(fields[3]);
            assertThat(new BigDecimal((String) bar.get("close"))).isEqualByComparingTo(fields[4]);
            assertThat(new BigDecimal((String) bar.get("volume"))).isEqualByComparingTo(fields[5]);
        }
    }

    @Test
    void theRangeIsHalfOpen() {
        assertThat(openTimes("ETH-USD", "2025-01-01T01:00:00Z", "2025-01-01T03:00:00Z"))
                .containsExactly("2025-01-01T01:00:00Z", "2025-01-01T02:00:00Z");
        assertThat(openTimes("ETH-USD", "2025-01-01T01:00:01Z", "2025-01-01T03:00:00.001Z"))
                .containsExactly("2025-01-01T02:00:00Z", "2025-01-01T03:00:00Z");
    }

    @Test
    void aLongRangeIsServedInPagesOfAThousandBarsThatFollowOnFromNext() {
        Instant to = SET_START.plus(Duration.ofDays(59));
        JsonPath first = page("BTC-USD", SET_START.toString(), to.toString());
        List<String> firstTimes = first.getList("bars.openTime");
        assertThat(firstTimes).hasSize(BarService.MAX_BARS);
        assertThat(firstTimes.get(0)).isEqualTo(SET_START.toString());
        assertThat(firstTimes.get(999)).isEqualTo(SET_START.plus(Duration.ofHours(999)).toString());
        assertThat(first.getString("next")).isEqualTo(SET_START.plus(Duration.ofHours(1000)).toString());

        JsonPath second = page("BTC-USD", first.getString("next"), to.toString());
        List<String> secondTimes = second.getList("bars.openTime");
        assertThat(secondTimes).hasSize(59 * 24 - 1000);
        assertThat(secondTimes.get(0)).isEqualTo(first.getString("next"));
        assertThat(second.getString("next")).isNull();
    }

    @Test
    void theDefaultsAreOneMinuteBarsOfTheLast24Hours() {
        Instant before = Instant.now();
        JsonPath answer = given().auth().oauth2(token).queryParam("symbol", "SOL-USD")
                .when().get(BARS)
                .then().statusCode(200)
                .body("interval", equalTo("1m"))
                .extract().jsonPath();
        Instant to = Instant.parse(answer.getString("to"));
        assertThat(to).isBetween(before, Instant.now());
        assertThat(Instant.parse(answer.getString("from"))).isEqualTo(to.minus(Duration.ofHours(24)));

        assertThat(openTimes("BTC-USD", null, "2025-01-01T03:00:00Z")).as("from defaults to 24 h before to")
                .containsExactly("2025-01-01T00:00:00Z", "2025-01-01T01:00:00Z", "2025-01-01T02:00:00Z");
    }

    @Test
    void badParametersAreProblemsNamingTheField() {
        assertInvalid("symbol", Map.of());
        assertInvalid("symbol", Map.of("symbol", "btc-usd"));
        assertInvalid("interval", Map.of("symbol", "BTC-USD", "interval", "2m"));
        assertInvalid("interval", Map.of("symbol", "BTC-USD", "interval", "1H"));
        assertInvalid("from", Map.of("symbol", "BTC-USD", "from", "yesterday"));
        assertInvalid("from", Map.of("symbol", "BTC-USD", "from", "2025-01-01"));
        assertInvalid("to", Map.of("symbol", "BTC-USD", "to", "2025-01-01T00:00:00"));
        assertInvalid("to", Map.of("symbol", "BTC-USD", "from", "2025-01-02T00:00:00Z", "to", "2025-01-01T00:00:00Z"));
        assertInvalid("to", Map.of("symbol", "BTC-USD", "from", "2025-01-01T00:00:00Z", "to", "2025-01-01T00:00:00Z"));
        assertInvalid("from", Map.of("symbol", "BTC-USD", "from", Instant.now().plusSeconds(3600).toString()));
    }

    @Test
    void aTokenIsRequired() {
        given().queryParam("symbol", "BTC-USD").when().get(BARS)
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.expired(UUID.randomUUID())).queryParam("symbol", "BTC-USD").when().get(BARS)
                .then().statusCode(401).contentType("application/problem+json");
    }

    private void assertInvalid(String field, Map<String, String> parameters) {
        given().auth().oauth2(token).queryParams(parameters)
                .when().get(BARS)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("VALIDATION"))
                .body("errors[0].field", equalTo(field));
    }

    private JsonPath page(String symbol, String from, String to) {
        return given().auth().oauth2(token)
                .queryParam("symbol", symbol).queryParam("interval", "1h")
                .queryParam("from", from).queryParam("to", to)
                .when().get(BARS)
                .then().statusCode(200).extract().jsonPath();
    }

    private List<String> openTimes(String symbol, String from, String to) {
        var request = given().auth().oauth2(token).queryParam("symbol", symbol).queryParam("interval", "1h")
                .queryParam("to", to);
        if (from != null) {
            request.queryParam("from", from);
        }
        return request.when().get(BARS).then().statusCode(200).extract().jsonPath().getList("bars.openTime");
    }

    private static List<String> csvRows(String resource) throws IOException {
        try (InputStream in = BarResourceTest.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }
}
