package io.tradeplex.user.support;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.tradeplex.testing.TestTokens;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Linking accounts through the public API, as a client would. */
public final class Linking {
    public static final String ACCOUNTS = "/api/v1/me/broker-accounts";

    private Linking() {
    }

    public static RequestSpecification as(UUID user) {
        return given().auth().oauth2(TestTokens.trader(user));
    }

    /** @return the new account's id */
    public static String link(UUID user, String broker, String apiKey, String apiSecret) {
        return given().spec(as(user)).contentType(ContentType.JSON)
                .body(Map.of("broker", broker, "label", broker + " account",
                        "credentials", Map.of("apiKey", apiKey, "apiSecret", apiSecret)))
                .post(ACCOUNTS).then().statusCode(201).extract().path("accountId");
    }

    public static void startKiteSession(UUID user, String accountId, String requestToken) {
        given().spec(as(user)).contentType(ContentType.JSON).body(Map.of("requestToken", requestToken))
                .post(ACCOUNTS + "/" + accountId + "/kite-session").then().statusCode(200);
    }

    public static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "");
    }
}
