package io.tradeplex.user.limits;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tradeplex.contracts.EventJson;
import io.tradeplex.contracts.EventSchemas;
import io.tradeplex.contracts.Topics;
import io.tradeplex.contracts.users.UserState;
import io.tradeplex.testing.KafkaProbe;
import io.tradeplex.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class LimitsAndTiersTest {
    private static final Duration EVENT_TIMEOUT = Duration.ofSeconds(30);
    private static KafkaProbe kafka;

    @BeforeAll
    static void openKafka() {
        kafka = new KafkaProbe();
    }

    @AfterAll
    static void closeKafka() {
        kafka.close();
    }

    @Test
    void aNewUserHasTheBasicTiersLimits() {
        String token = TestTokens.trader(UUID.randomUUID());
        given().auth().oauth2(token).get("/api/v1/me/limits").then().statusCode(200)
                .body("tier", equalTo("basic"))
                .body("maxPositionSizeUsd", equalTo("50"))
                .body("maxDailyLossUsd", equalTo("25"))
                .body("maxOpenPositions", equalTo(2))
                .body("allowedSymbols", contains("BTC-USD", "ETH-USD"))
                .body("canTrade", equalTo(true))
                .body("blockedBy", hasSize(0))
                .body("tradeOnly", equalTo(false));
    }

    @Test
    void aTierUpgradeRaisesTheLimitsAndIsPublishedOnTheUsersTopic() {
        UUID admin = UUID.randomUUID();
        UUID trader = UUID.randomUUID();
        String traderToken = TestTokens.trader(trader);
        given().auth().oauth2(traderToken).get("/api/v1/me").then().statusCode(200);

        given().auth().oauth2(adminToken(admin)).contentType(ContentType.JSON).body("{\"tier\":\"pro\",\"reason\":\"paid\"}")
                .put("/api/v1/admin/users/" + trader + "/tier").then().statusCode(200)
                .body("tier", equalTo("pro")).body("limits.maxPositionSizeUsd", equalTo("200"));

        given().auth().oauth2(traderToken).get("/api/v1/me/limits").then().statusCode(200)
                .body("tier", equalTo("pro")).body("maxPositionSizeUsd", equalTo("200")).body("maxDailyLossUsd", equalTo("100"))
                .body("maxOpenPositions", equalTo(5)).body("allowedSymbols", hasSize(20))
                .body("allowedSymbols", hasItem("SOL-USD"));

        UserState state = latestState(trader, s -> "pro".equals(s.tier()));
        assertThat(state.limits().maxPositionSizeUsd()).isEqualByComparingTo("200");
        assertThat(state.limits().maxOpenPositions()).isEqualTo(5);
        assertThat(state.limits().allows("SOL-USD")).isTrue();
    }

    @Test
    void overridesMayOnlyTightenTheTierAndANonAdminCannotSetThem() {
        UUID admin = UUID.randomUUID();
        UUID trader = UUID.randomUUID();
        String traderToken = TestTokens.trader(trader);
        given().auth().oauth2(traderToken).get("/api/v1/me").then().statusCode(200);

        given().auth().oauth2(adminToken(admin)).contentType(ContentType.JSON)
                .body("{\"maxPositionSizeUsd\":\"80\",\"maxOpenPositions\":3,\"allowedSymbols\":[\"SOL-USD\"]}")
                .put("/api/v1/admin/users/" + trader + "/limits").then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("LIMIT_ABOVE_TIER"))
                .body("errors.field", containsInAnyOrder("maxPositionSizeUsd", "maxOpenPositions", "allowedSymbols[0]"));
        given().auth().oauth2(adminToken(admin)).contentType(ContentType.JSON)
                .body("{\"maxPositionSizeUsd\":-5,\"tradingHours\":{\"timeZone\":\"UTC\",\"days\":[\"FUNDAY\"],\"open\":\"9:00\",\"close\":\"17:00\"}}")
                .put("/api/v1/admin/users/" + trader + "/limits").then().statusCode(400)
                .body("errors.field", hasItem("maxPositionSizeUsd"))
                .body("errors.field", hasItem("tradingHours.open"));
        given().auth().oauth2(traderToken).contentType(ContentType.JSON).body("{\"maxPositionSizeUsd\":\"50\"}")
                .put("/api/v1/admin/users/" + trader + "/limits").then().statusCode(403);

        given().auth().oauth2(adminToken(admin)).contentType(ContentType.JSON)
                .body("{\"maxPositionSizeUsd\":\"30\",\"allowedSymbols\":[\"ETH-USD\"],\"tradeOnly\":true,"
                        + "\"tradingHours\":{\"timeZone\":\"Asia/Kolkata\",\"days\":[\"MONDAY\",\"TUESDAY\"],\"open\":\"09:15\",\"close\":\"15:30\"}}")
                .put("/api/v1/admin/users/" + trader + "/limits").then().statusCode(200);
        given().auth().oauth2(traderToken).get("/api/v1/me/limits").then().statusCode(200)
                .body("maxPositionSizeUsd", equalTo("30")).body("maxOrderSizeUsd", equalTo("30"))
                .body("maxDailyLossUsd", equalTo("25")).body("allowedSymbols", contains("ETH-USD"))
                .body("tradeOnly", equalTo(true)).body("tradingHours.timeZone", equalTo("Asia/Kolkata"))
                .body("tradingHours.open", equalTo("09:15"))
                .body("overridden", containsInAnyOrder("maxPositionSizeUsd", "allowedSymbols", "tradingHours"));
        UserState state = latestState(trader, s -> s.tradeOnly());
        assertThat(state.limits().allowedSymbols()).containsExactly("ETH-USD");
        assertThat(state.limits().tradingHours().days()).containsExactly("MONDAY", "TUESDAY");

        // An override that was within a higher tier's ceiling stops counting beyond a lower tier's.
        given().auth().oauth2(adminToken(admin)).contentType(ContentType.JSON).body("{\"tier\":\"enterprise\"}")
                .put("/api/v1/admin/users/" + trader + "/tier").then().statusCode(200);
        given().auth().oauth2(adminToken(admin)).contentType(ContentType.JSON).body("{\"maxPositionSizeUsd\":\"700\"}")
                .put("/api/v1/admin/users/" + trader + "/limits").then().statusCode(200);
        given().auth().oauth2(adminToken(admin)).contentType(ContentType.JSON).body("{\"tier\":\"basic\"}")
                .put("/api/v1/admin/users/" + trader + "/tier").then().statusCode(200);
        given().auth().oauth2(traderToken).get("/api/v1/me/limits").then().statusCode(200)
                .body("maxPositionSizeUsd", equalTo("50")).body("tradeOnly", equalTo(false));
    }

    @Test
    void disablingAUserStopsTradingAndIsPublishedAndEnablingRestoresIt() {
        UUID admin = UUID.randomUUID();
        UUID trader = UUID.randomUUID();
        String traderToken = TestTokens.trader(trader);
        given().auth().oauth2(traderToken).get("/api/v1/me").then().statusCode(200);

        given().auth().oauth2(adminToken(admin)).queryParam("reason", "chargeback")
                .post("/api/v1/admin/users/" + trader + "/disable").then().statusCode(200).body("status", equalTo("DISABLED"));
        given().auth().oauth2(traderToken).get("/api/v1/me/limits").then()
                .body("canTrade", equalTo(false)).body("blockedBy", contains("USER_DISABLED"));
        assertThat(latestState(trader, s -> "DISABLED".equals(s.status()))).isNotNull();

        given().auth().oauth2(adminToken(admin)).post("/api/v1/admin/users/" + trader + "/enable").then().statusCode(200)
                .body("status", equalTo("ACTIVE"));
        given().auth().oauth2(traderToken).get("/api/v1/me/limits").then().body("canTrade", equalTo(true));
    }

    @Test
    void anUnknownUserIs404AndAnUnknownTierIs400() {
        UUID admin = UUID.randomUUID();
        given().auth().oauth2(adminToken(admin)).contentType(ContentType.JSON).body("{\"tier\":\"pro\"}")
                .put("/api/v1/admin/users/" + UUID.randomUUID() + "/tier").then().statusCode(404);
        UUID trader = UUID.randomUUID();
        given().auth().oauth2(TestTokens.trader(trader)).get("/api/v1/me").then().statusCode(200);
        given().auth().oauth2(adminToken(admin)).contentType(ContentType.JSON).body("{\"tier\":\"platinum\"}")
                .put("/api/v1/admin/users/" + trader + "/tier").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("tier"));
    }

    private static String adminToken(UUID admin) {
        return TestTokens.forUser(admin, Set.of("admin", "trader"));
    }

    static UserState latestState(UUID userId, java.util.function.Predicate<UserState> until) {
        List<KafkaProbe.Received> states = kafka.await("test." + Topics.USERS, userId.toString(),
                record -> UserState.TYPE.equals(record.type()) && until.test(EventJson.read(record.value(), UserState.class)),
                1, EVENT_TIMEOUT);
        assertThat(states).isNotEmpty();
        KafkaProbe.Received last = states.get(states.size() - 1);
        assertThat(EventSchemas.violations(UserState.TYPE, last.value())).isEmpty();
        return EventJson.read(last.value(), UserState.class);
    }

}
