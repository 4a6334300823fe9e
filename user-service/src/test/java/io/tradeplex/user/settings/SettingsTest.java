package io.tradeplex.user.settings;

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
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class SettingsTest {
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
    void aNewUserHasDefaultsAndMaySaveValidSettingsWhichAnotherUserNeverSees() {
        String ana = TestTokens.trader(UUID.randomUUID());
        String bo = TestTokens.trader(UUID.randomUUID());
        given().auth().oauth2(ana).get("/api/v1/me/settings").then().statusCode(200)
                .body("riskLevel", equalTo("medium")).body("stopLossPct", nullValue()).body("timeZone", equalTo("UTC"))
                .body("notifications.email", equalTo(true)).body("notifications.dailySummary", equalTo(false));

        given().auth().oauth2(ana).contentType(ContentType.JSON).body("""
                {"riskLevel":"low","stopLossPct":"2.5","takeProfitPct":5,"trailingStopPct":"1.25",
                 "notifications":{"email":false,"orderFills":true,"riskAlerts":true,"dailySummary":true}}""")
                .put("/api/v1/me/settings").then().statusCode(200)
                .body("riskLevel", equalTo("low")).body("stopLossPct", equalTo("2.5")).body("takeProfitPct", equalTo("5"));
        given().auth().oauth2(ana).get("/api/v1/me/settings").then().statusCode(200)
                .body("trailingStopPct", equalTo("1.25")).body("notifications.email", equalTo(false))
                .body("notifications.dailySummary", equalTo(true));

        given().auth().oauth2(bo).get("/api/v1/me/settings").then().body("riskLevel", equalTo("medium"));
    }

    @Test
    void invalidSettingsAreRefusedNamingEachFieldAndChangeNothing() {
        String ana = TestTokens.trader(UUID.randomUUID());
        given().auth().oauth2(ana).contentType(ContentType.JSON).body("""
                {"riskLevel":"yolo","stopLossPct":0,"trailingStopPct":"75","timeZone":"Mars/Olympus_Mons",
                 "notifications":{"email":true}}""")
                .put("/api/v1/me/settings").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("riskLevel", "stopLossPct", "trailingStopPct", "timeZone",
                        "notifications.orderFills", "notifications.riskAlerts", "notifications.dailySummary"));
        given().auth().oauth2(ana).get("/api/v1/me/settings").then().body("riskLevel", equalTo("medium"))
                .body("timeZone", equalTo("UTC"));
    }

    @Test
    void aBadTimeZoneAloneIsRefusedAsThatField() {
        String ana = TestTokens.trader(UUID.randomUUID());
        for (String zone : List.of("Asia/Atlantis", "IST", "", "UTC+25")) {
            given().auth().oauth2(ana).contentType(ContentType.JSON).body(settings(zone))
                    .put("/api/v1/me/settings").then().statusCode(400).contentType("application/problem+json")
                    .body("code", equalTo("VALIDATION")).body("errors.field", contains("timeZone"));
        }
        given().auth().oauth2(ana).get("/api/v1/me/settings").then().body("timeZone", equalTo("UTC"))
                .body("updatedAt", nullValue());
    }

    @Test
    void theTradingDaysZoneIsSavedAndPublishedInTheUsersState() {
        UUID userId = UUID.randomUUID();
        String ana = TestTokens.trader(userId);
        given().auth().oauth2(ana).contentType(ContentType.JSON).body(settings("Asia/Kolkata"))
                .put("/api/v1/me/settings").then().statusCode(200).body("timeZone", equalTo("Asia/Kolkata"));
        given().auth().oauth2(ana).get("/api/v1/me/settings").then().body("timeZone", equalTo("Asia/Kolkata"));
        UserState kolkata = state(userId, "Asia/Kolkata");
        assertThat(kolkata.tradingZone().getId()).isEqualTo("Asia/Kolkata");

        // Settings are replaced as a whole: leaving the zone out returns the user to the UTC day, published too.
        given().auth().oauth2(ana).contentType(ContentType.JSON).body(settings(null))
                .put("/api/v1/me/settings").then().statusCode(200).body("timeZone", equalTo("UTC"));
        UserState utc = state(userId, "UTC");
        assertThat(utc.updatedAt()).isAfter(kolkata.updatedAt());
    }

    private static String settings(String timeZone) {
        String zone = timeZone == null ? "" : "\"timeZone\":\"" + timeZone + "\",";
        return "{\"riskLevel\":\"high\"," + zone
                + "\"notifications\":{\"email\":true,\"orderFills\":true,\"riskAlerts\":true,\"dailySummary\":false}}";
    }

    /** The user's published state with this zone, checked against the schema analysts rely on. */
    private static UserState state(UUID userId, String timeZone) {
        List<KafkaProbe.Received> states = kafka.await("test." + Topics.USERS, userId.toString(),
                record -> UserState.TYPE.equals(record.type())
                        && timeZone.equals(EventJson.read(record.value(), UserState.class).timeZone()), 1, EVENT_TIMEOUT);
        assertThat(states).hasSize(1);
        assertThat(EventSchemas.violations(UserState.TYPE, states.get(0).value())).isEmpty();
        return EventJson.read(states.get(0).value(), UserState.class);
    }
}
