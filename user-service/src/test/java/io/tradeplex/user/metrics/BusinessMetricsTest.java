package io.tradeplex.user.metrics;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tradeplex.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** The global kill switch shows on /q/metrics as a 0/1 gauge, following its trigger and reset at once. */
@QuarkusTest
class BusinessMetricsTest {
    private static final String GLOBAL = "tradeplex_killswitch_global";

    @Test
    void theGlobalKillSwitchGaugeFollowsTriggerAndReset() {
        String admin = TestTokens.forUser(UUID.randomUUID(), Set.of("admin", "trader"));
        given().auth().oauth2(admin).delete("/api/v1/admin/kill-switch").then().statusCode(200)
                .body("active", equalTo(false));
        assertThat(sample(GLOBAL)).isEqualTo(0.0);
        try {
            given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"reason\":\"metrics test\"}")
                    .post("/api/v1/admin/kill-switch").then().statusCode(200).body("active", equalTo(true));
            assertThat(sample(GLOBAL)).isEqualTo(1.0);
        } finally {
            given().auth().oauth2(admin).delete("/api/v1/admin/kill-switch").then().statusCode(200)
                    .body("active", equalTo(false));
        }
        assertThat(sample(GLOBAL)).isEqualTo(0.0);
    }

    /** The value of one series; fails when it is missing. */
    private static double sample(String series) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher value = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(metrics);
        assertThat(value.find()).as("%s on /q/metrics", series).isTrue();
        return Double.parseDouble(value.group(1));
    }
}
