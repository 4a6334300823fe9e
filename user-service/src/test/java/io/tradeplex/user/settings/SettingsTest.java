package io.tradeplex.user.settings;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tradeplex.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class SettingsTest {

    @Test
    void aNewUserHasDefaultsAndMaySaveValidSettingsWhichAnotherUserNeverSees() {
        String ana = TestTokens.trader(UUID.randomUUID());
        String bo = TestTokens.trader(UUID.randomUUID());
        given().auth().oauth2(ana).get("/api/v1/me/settings").then().statusCode(200)
                .body("riskLevel", equalTo("medium")).body("stopLossPct", nullValue())
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
                {"riskLevel":"yolo","stopLossPct":0,"trailingStopPct":"75","notifications":{"email":true}}""")
                .put("/api/v1/me/settings").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("riskLevel", "stopLossPct", "trailingStopPct",
                        "notifications.orderFills", "notifications.riskAlerts", "notifications.dailySummary"));
        given().auth().oauth2(ana).get("/api/v1/me/settings").then().body("riskLevel", equalTo("medium"));
    }
}
