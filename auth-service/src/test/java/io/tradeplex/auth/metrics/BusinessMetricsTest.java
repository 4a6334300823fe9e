package io.tradeplex.auth.metrics;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.tradeplex.auth.AuthApi;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Live sessions of all users show on /q/metrics, recounted every 30 s: logins raise the gauge, logouts lower it. */
@QuarkusTest
class BusinessMetricsTest {
    private static final String ACTIVE = "tradeplex_sessions_active";
    /** The gauge's period (30 s) and some slack. */
    private static final Duration RECOUNT = Duration.ofSeconds(45);

    @Test
    void theActiveSessionsGaugeCountsLoginsAndLogouts() {
        double before = sample();
        String email = AuthApi.uniqueEmail();
        AuthApi.registered(email);
        Response phone = AuthApi.login(email, AuthApi.PASSWORD);
        phone.then().statusCode(200);
        Response laptop = AuthApi.login(email, AuthApi.PASSWORD);
        laptop.then().statusCode(200);

        await().atMost(RECOUNT).pollInterval(Duration.ofMillis(500)).until(() -> sample() >= before + 2);
        double withBoth = sample();
        assertThat(withBoth).isGreaterThanOrEqualTo(2.0);

        given().auth().oauth2(phone.<String>path("accessToken")).post("/api/v1/auth/logout").then().statusCode(204);
        given().auth().oauth2(laptop.<String>path("accessToken")).post("/api/v1/auth/logout").then().statusCode(204);
        await().atMost(RECOUNT).pollInterval(Duration.ofMillis(500)).until(() -> sample() <= withBoth - 2);
    }

    /** The gauge's value; fails when it is missing. */
    private static double sample() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher value = Pattern.compile("(?m)^" + Pattern.quote(ACTIVE) + " (\\S+)$").matcher(metrics);
        assertThat(value.find()).as("%s on /q/metrics", ACTIVE).isTrue();
        return Double.parseDouble(value.group(1));
    }
}
