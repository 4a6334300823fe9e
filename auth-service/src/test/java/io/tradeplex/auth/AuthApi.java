package io.tradeplex.auth;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.tradeplex.contracts.EventJson;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** The auth API as a client calls it, plus a look inside the JWTs it hands out. */
public final class AuthApi {
    public static final String PASSWORD = "correct horse battery";

    private AuthApi() {
    }

    public static String uniqueEmail() {
        return "user-" + UUID.randomUUID() + "@example.com";
    }

    public static Response register(String email, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("email", email, "password", password))
                .post("/api/v1/auth/register");
    }

    public static UUID registered(String email) {
        return UUID.fromString(register(email, PASSWORD).then().statusCode(201).extract().path("userId"));
    }

    public static Response login(String email, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("email", email, "password", password))
                .post("/api/v1/auth/login");
    }

    public static Response refresh(String refreshToken) {
        return given().contentType(ContentType.JSON).body(Map.of("refreshToken", refreshToken))
                .post("/api/v1/auth/refresh");
    }

    /** @param part 0 for the header, 1 for the claims */
    public static JsonNode jwtPart(String jwt, int part) {
        try {
            byte[] json = Base64.getUrlDecoder().decode(jwt.split("\\.")[part]);
            return EventJson.mapper().readTree(new String(json, StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalArgumentException("not a JWT", e);
        }
    }
}
