package io.tradeplex.e2e;

import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * What a malicious tenant tries, through the gateway: other users' ids, forged tokens, spoofed identity headers,
 * admin routes, and replayed refresh tokens. Every attempt must fail the same way a non-existent object would,
 * and leave the victim's state untouched.
 */
class AttackSuiteTest {
    private static Client victim;
    private static Client attacker;
    private static String victimAccount;
    private static String victimOrder;

    @BeforeAll
    static void aVictimWithAnAccountAndAnOpenOrder() {
        victim = Client.newTrader("victim").register().login();
        attacker = Client.newTrader("attacker").register().login();
        victimAccount = victim.post("/api/v1/me/broker-accounts", Map.of("broker", "paper", "label", "Victim's"))
                .then().statusCode(201).extract().path("accountId");
        attacker.post("/api/v1/me/broker-accounts", Map.of("broker", "paper", "label", "Attacker's")).then().statusCode(201);
        // A buy far below any market price stays open, so the attacker has something to try to cancel.
        victimOrder = victim.post("/api/v1/orders", Map.of("accountId", victimAccount, "symbol", "BTC-USD",
                        "side", "BUY", "type", "LIMIT", "quantity", "0.001", "limitPrice", "1",
                        "clientOrderId", "victim-resting-order"))
                .then().statusCode(202).extract().path("orderId");
    }

    @Test
    void everyRouteTakingAnIdAnswers404ForAnotherUsersIdAndChangesNothing() {
        String victimSession = victim.get("/api/v1/me/sessions").then().statusCode(200).extract().path("[0].sessionId");
        Map<String, Supplier<Response>> attempts = Map.of(
                "DELETE session", () -> attacker.authed().delete("/api/v1/me/sessions/" + victimSession),
                "GET order", () -> attacker.get("/api/v1/orders/" + victimOrder),
                "DELETE order", () -> attacker.authed().delete("/api/v1/orders/" + victimOrder),
                "GET broker account", () -> attacker.get("/api/v1/me/broker-accounts/" + victimAccount),
                "DELETE broker account", () -> attacker.authed().delete("/api/v1/me/broker-accounts/" + victimAccount),
                "activate broker account", () -> attacker.authed().post("/api/v1/me/broker-accounts/" + victimAccount + "/activate"));
        attempts.forEach((what, attempt) -> {
            Response response = attempt.get();
            assertThat(response.statusCode()).as(what).isEqualTo(404);
            assertThat(response.contentType()).as(what).startsWith("application/problem+json");
            assertThat(response.asString()).as(what).doesNotContain("victim-resting-order").doesNotContain("Victim's");
        });

        // Ids in bodies and filters are scoped the same way.
        attacker.post("/api/v1/orders", Map.of("accountId", victimAccount, "symbol", "BTC-USD", "side", "BUY",
                        "type", "MARKET", "quantity", "0.001", "clientOrderId", "on-someone-elses-account"))
                .then().statusCode(422).body("errors.field", hasItem("accountId"));
        attacker.authed().queryParam("accountId", victimAccount).get("/api/v1/orders").then().statusCode(200)
                .body("size()", equalTo(0));
        attacker.authed().queryParam("accountId", victimAccount).get("/api/v1/portfolio/trades").then().statusCode(200)
                .body("total", equalTo(0));

        // The victim's state is exactly as before.
        victim.get("/api/v1/orders/" + victimOrder).then().statusCode(200).body("status", equalTo("ACCEPTED"));
        victim.get("/api/v1/me/broker-accounts/" + victimAccount).then().statusCode(200).body("active", equalTo(true));
        victim.get("/api/v1/orders").then().body("size()", equalTo(1));
        victim.get("/api/v1/me/sessions").then().statusCode(200).body("sessionId", hasItem(victimSession));
    }

    @Test
    void forgedTokensAreRefusedByTheGatewayAndByTheServicesBehindIt() throws Exception {
        Map<String, String> forgeries = new java.util.LinkedHashMap<>();
        forgeries.put("alg none", ForgedTokens.algNone(attacker.accessToken));
        forgeries.put("HS256 keyed with the public key", ForgedTokens.hs256WithThePublicKey(attacker.accessToken));
        forgeries.put("claims edited after signing", ForgedTokens.resignedClaims(attacker.accessToken, victim.userId));
        forgeries.put("unknown kid", ForgedTokens.unknownKid(victim.userId));
        ForgedTokens.validlySignedButWrong(victim.userId).ifPresent(forgeries::putAll);
        assertThat(forgeries).as("run with -Dtradeplex.jwt.private-key to include the validly signed forgeries")
                .containsKeys("expired", "wrong audience", "wrong issuer");

        forgeries.forEach((what, token) -> {
            for (String path : List.of("/api/v1/me", "/api/v1/orders", "/api/v1/orders/" + victimOrder)) {
                Client.anonymous().auth().oauth2(token).get(path).then().statusCode(401)
                        .contentType("application/problem+json");
            }
            // Nothing trusts the gateway blindly: order-service refuses the same token when reached directly.
            io.restassured.RestAssured.given().baseUri("http://127.0.0.1:8084").auth().oauth2(token)
                    .get("/api/v1/orders/" + victimOrder).then().statusCode(401);
        });
    }

    @Test
    void spoofedIdentityHeadersHaveNoEffect() {
        for (String header : List.of("X-User-Id", "X-Forwarded-User", "X-Auth-User-Id")) {
            attacker.authed().header(header, victim.userId).get("/api/v1/me").then().statusCode(200)
                    .body("userId", equalTo(attacker.userId));
            attacker.authed().header(header, victim.userId).get("/api/v1/orders/" + victimOrder).then().statusCode(404);
            Client.anonymous().header(header, victim.userId).get("/api/v1/orders").then().statusCode(401);
        }
    }

    @Test
    void aTraderIsForbiddenOnAdminRoutes() {
        attacker.get("/api/v1/admin/users").then().statusCode(403).contentType("application/problem+json");
        attacker.get("/api/v1/admin/users/" + victim.userId).then().statusCode(403);
        attacker.authed().body("{}").put("/api/v1/admin/users/" + attacker.userId + "/permissions/system:administer")
                .then().statusCode(403);
        attacker.get("/api/v1/me/permissions").then().statusCode(200);
        attacker.authed().body(Map.of("tier", "enterprise")).put("/api/v1/admin/users/" + attacker.userId + "/tier")
                .then().statusCode(403);
        attacker.authed().body(Map.of("reason", "x")).post("/api/v1/admin/kill-switch").then().statusCode(403);
        attacker.authed().body("{}").post("/api/v1/admin/vault/rotate-keys").then().statusCode(403);
        attacker.authed().contentType("text/csv").body("email\nx@e2e.tradeplex.test\n").post("/api/v1/admin/users/import")
                .then().statusCode(403);
    }

    @Test
    void internalServiceEndpointsAreNotReachableThroughTheGateway() {
        String path = "/internal/v1/users/" + victim.userId + "/broker-accounts/" + victimAccount + "/credentials";
        attacker.get(path).then().statusCode(404);
        Client.anonymous().get(path).then().statusCode(404);
        Client.anonymous().header("X-Tradeplex-Caller", "order-service").get(path).then().statusCode(404);
    }

    @Test
    void reusingASpentRefreshTokenRevokesTheWholeSession() {
        Client carol = Client.newTrader("carol").register().login();
        String spent = carol.refreshToken;
        Response rotated = Client.anonymous().body(Map.of("refreshToken", spent)).post("/api/v1/auth/refresh");
        rotated.then().statusCode(200);
        String fresh = rotated.path("refreshToken");
        String freshAccess = rotated.path("accessToken");
        Client.anonymous().auth().oauth2(freshAccess).get("/api/v1/me").then().statusCode(200);

        // A thief replays the old token: refused, and the whole family dies with it.
        Client.anonymous().body(Map.of("refreshToken", spent)).post("/api/v1/auth/refresh").then().statusCode(401);
        Client.anonymous().body(Map.of("refreshToken", fresh)).post("/api/v1/auth/refresh").then().statusCode(401);
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                Client.anonymous().auth().oauth2(freshAccess).get("/api/v1/me").then().statusCode(401));
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                Client.anonymous().auth().oauth2(freshAccess).get("/api/v1/orders").then().statusCode(401));
    }
}
