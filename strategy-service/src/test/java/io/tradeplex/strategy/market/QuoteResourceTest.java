package io.tradeplex.strategy.market;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tradeplex.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class QuoteResourceTest {
    private static final String QUOTES = "/api/v1/market/quotes";
    private final String token = TestTokens.trader(UUID.randomUUID());

    @Test
    void answersARecentPriceOnceTicksFlow() {
        Instant since = Instant.now();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            List<Map<String, Object>> quotes = given().auth().oauth2(token).queryParam("symbols", "BTC-USD")
                    .when().get(QUOTES)
                    .then().statusCode(200).contentType(ContentType.JSON)
                    .extract().jsonPath().getList("$");
            assertThat(quotes).hasSize(1);
            Map<String, Object> quote = quotes.get(0);
            assertThat(quote).containsOnlyKeys("symbol", "price", "time").containsEntry("symbol", "BTC-USD");
            assertThat(quote.get("price")).asString().matches("[0-9]+(\\.[0-9]+)?");
            assertThat(Instant.parse((String) quote.get("time"))).isAfterOrEqualTo(since);
        });
    }

    @Test
    void withoutSymbolsListsEveryKnownSymbolAndUnknownOnesAreAbsent() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(token)
                .when().get(QUOTES)
                .then().statusCode(200)
                .body("symbol", hasItems("BTC-USD", "ETH-USD", "SOL-USD", "BNB-USD", "XRP-USD", "ADA-USD")));

        given().auth().oauth2(token).queryParam("symbols", "ZZZ-USD,ETH-USD")
                .when().get(QUOTES)
                .then().statusCode(200)
                .body("$", hasSize(1))
                .body("[0].symbol", equalTo("ETH-USD"));
    }

    @Test
    void aMalformedSymbolIsABadRequestNamingTheParameter() {
        for (String symbols : List.of("btc-usd", "BTC-USD,", "BTC_USD", "BTC-USD-EUR", "A".repeat(21))) {
            given().auth().oauth2(token).queryParam("symbols", symbols)
                    .when().get(QUOTES)
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("code", equalTo("VALIDATION"))
                    .body("errors[0].field", equalTo("symbols"));
        }
    }

    @Test
    void aTokenIsRequired() {
        given().when().get(QUOTES)
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.expired(UUID.randomUUID())).when().get(QUOTES)
                .then().statusCode(401).contentType("application/problem+json");
    }
}
