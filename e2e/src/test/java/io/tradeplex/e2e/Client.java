package io.tradeplex.e2e;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.util.Map;
import java.util.UUID;

/** A trader's client: it knows only the gateway URL and its own credentials, like a web or mobile app. */
final class Client {
    static final String GATEWAY = System.getProperty("tradeplex.gateway.url", "http://127.0.0.1:8080");
    static final String ISSUER = "https://tradeplex.io/auth";
    static final String AUDIENCE = "tradeplex";

    final String email;
    final String password;
    String userId;
    String accessToken;
    String refreshToken;

    private Client(String email, String password) {
        this.email = email;
        this.password = password;
    }

    static Client newTrader(String name) {
        return new Client(name + "-" + UUID.randomUUID() + "@e2e.tradeplex.test", "correct-horse-battery-" + name);
    }

    /** The platform's first administrator, seeded by infra/platform from TRADEPLEX_ADMIN_EMAIL / _PASSWORD. */
    static Client admin() {
        return new Client(System.getProperty("tradeplex.admin.email", "admin@tradeplex.local"),
                System.getProperty("tradeplex.admin.password", "admin-change-me-42")).login();
    }

    static RequestSpecification anonymous() {
        return RestAssured.given().baseUri(GATEWAY).contentType(ContentType.JSON);
    }

    RequestSpecification authed() {
        return anonymous().auth().oauth2(accessToken);
    }

    Client register() {
        userId = anonymous().body(Map.of("email", email, "password", password, "displayName", "E2E trader"))
                .post("/api/v1/auth/register")
                .then().statusCode(201).extract().path("userId");
        return this;
    }

    Client login() {
        Response tokens = anonymous().body(Map.of("email", email, "password", password)).post("/api/v1/auth/login");
        tokens.then().statusCode(200);
        accessToken = tokens.path("accessToken");
        refreshToken = tokens.path("refreshToken");
        return this;
    }

    Response get(String path) {
        return authed().get(path);
    }

    Response post(String path, Object body) {
        return authed().body(body).post(path);
    }

    Response put(String path, Object body) {
        return authed().body(body).put(path);
    }

    Response delete(String path) {
        return authed().delete(path);
    }

    /** Registered, logged in, with a paper account: ready to trade. @return the account id */
    String openPaperAccount() {
        return post("/api/v1/me/broker-accounts", Map.of("broker", "paper", "label", "E2E paper"))
                .then().statusCode(201).extract().path("accountId");
    }
}
