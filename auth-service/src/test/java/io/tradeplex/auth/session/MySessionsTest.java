package io.tradeplex.auth.session;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.tradeplex.auth.AuthApi;
import io.tradeplex.auth.Events;
import io.tradeplex.contracts.EventJson;
import io.tradeplex.contracts.auth.SessionRevoked;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class MySessionsTest {

    @Test
    void listsMyLiveSessionsWithWhereAndWhenAndMarksTheCurrentOne() {
        String email = AuthApi.uniqueEmail();
        AuthApi.registered(email);
        Response phone = login(email, "10.1.2.3", "TradeplexPhone/1.0");
        Response laptop = login(email, "10.4.5.6", "Mozilla/5.0\t(laptop)");
        Response ended = login(email, "10.7.8.9", "curl/8");
        given().auth().oauth2(ended.path("accessToken")).post("/api/v1/auth/logout").then().statusCode(204);

        JsonPath list = given().auth().oauth2(laptop.path("accessToken")).get("/api/v1/me/sessions")
                .then().statusCode(200).contentType(ContentType.JSON).extract().jsonPath();

        assertThat(list.getList("$")).hasSize(2);
        // Most recently used first.
        Map<String, Object> current = list.getMap("[0]");
        Map<String, Object> other = list.getMap("[1]");
        assertThat(current).containsOnlyKeys("sessionId", "createdAt", "lastUsedAt", "expiresAt", "userAgent",
                "clientAddress", "current");
        assertThat(current).containsEntry("sessionId", sid(laptop)).containsEntry("current", true)
                .containsEntry("clientAddress", "10.4.5.6")
                // Control characters never reach whatever shows or logs this.
                .containsEntry("userAgent", "Mozilla/5.0 (laptop)");
        assertThat(other).containsEntry("sessionId", sid(phone)).containsEntry("current", false)
                .containsEntry("clientAddress", "10.1.2.3").containsEntry("userAgent", "TradeplexPhone/1.0");
        Instant lastUsed = Instant.parse((String) current.get("lastUsedAt"));
        assertThat(Instant.parse((String) current.get("expiresAt"))).isEqualTo(lastUsed.plus(Duration.ofMinutes(30)));
        assertThat(Instant.parse((String) current.get("createdAt"))).isEqualTo(lastUsed);
    }

    @Test
    void endingASessionOnAnotherDeviceStopsItsTokensAndAnnouncesIt() {
        String email = AuthApi.uniqueEmail();
        UUID userId = AuthApi.registered(email);
        Response phone = login(email, AuthApi.uniqueAddress(), "phone");
        Response laptop = login(email, AuthApi.uniqueAddress(), "laptop");

        given().auth().oauth2(laptop.path("accessToken")).delete("/api/v1/me/sessions/" + sid(phone))
                .then().statusCode(204);

        AuthApi.refresh(phone.path("refreshToken")).then().statusCode(401);
        given().auth().oauth2(phone.path("accessToken")).get("/api/v1/me/sessions").then().statusCode(401);
        List<String> left = given().auth().oauth2(laptop.path("accessToken")).get("/api/v1/me/sessions")
                .then().statusCode(200).extract().jsonPath().getList("sessionId", String.class);
        assertThat(left).containsExactly(sid(laptop));
        SessionRevoked event = EventJson.read(Events.auth(userId, SessionRevoked.TYPE, 1).get(0).value(), SessionRevoked.class);
        assertThat(event.reason()).isEqualTo("ended-by-user");
        assertThat(event.sessionId().toString()).isEqualTo(sid(phone));

        // Ending it again: it is no longer one of my live sessions.
        given().auth().oauth2(laptop.path("accessToken")).delete("/api/v1/me/sessions/" + sid(phone))
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void anotherUsersSessionOrGarbageIsNotFoundAndNothingHappens() {
        String mine = AuthApi.uniqueEmail();
        AuthApi.registered(mine);
        String myToken = AuthApi.login(mine, AuthApi.PASSWORD).path("accessToken");
        String theirs = AuthApi.uniqueEmail();
        AuthApi.registered(theirs);
        Response their = AuthApi.login(theirs, AuthApi.PASSWORD);

        for (String id : List.of(sid(their), UUID.randomUUID().toString(), "not-a-uuid", "1")) {
            given().auth().oauth2(myToken).delete("/api/v1/me/sessions/" + id)
                    .then().statusCode(404).contentType("application/problem+json")
                    .body("code", equalTo("NOT_FOUND"));
        }
        AuthApi.refresh(their.path("refreshToken")).then().statusCode(200);
        // Listing never shows theirs either.
        assertThat(given().auth().oauth2(myToken).get("/api/v1/me/sessions").then().statusCode(200)
                .extract().jsonPath().getList("sessionId")).doesNotContain(sid(their));
    }

    @Test
    void sessionsNeedABearerToken() {
        given().get("/api/v1/me/sessions").then().statusCode(401).contentType("application/problem+json");
        given().delete("/api/v1/me/sessions/" + UUID.randomUUID()).then().statusCode(401);
    }

    private static Response login(String email, String address, String userAgent) {
        Response login = AuthApi.from(address).header("User-Agent", userAgent).contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", AuthApi.PASSWORD)).post("/api/v1/auth/login");
        login.then().statusCode(200);
        return login;
    }

    private static String sid(Response login) {
        return AuthApi.jwtPart(login.path("accessToken"), 1).get("sid").asText();
    }
}
