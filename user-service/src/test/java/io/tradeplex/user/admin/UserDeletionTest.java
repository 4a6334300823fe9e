package io.tradeplex.user.admin;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tradeplex.contracts.EventJson;
import io.tradeplex.contracts.Topics;
import io.tradeplex.contracts.users.UserState;
import io.tradeplex.testing.KafkaProbe;
import io.tradeplex.testing.TestTokens;
import io.tradeplex.user.brokers.BrokerFakes;
import io.tradeplex.testing.brokers.FakeBinance;
import io.tradeplex.user.support.UserDb;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
@QuarkusTestResource(BrokerFakes.class)
class UserDeletionTest {
    @BrokerFakes.Fake
    FakeBinance binance;
    @Inject
    Pool pool;

    @Test
    void deletingAUserClosesTheirAccountsShredsTheirSecretsAndPublishesTheDeletion() {
        UUID admin = UUID.randomUUID();
        UUID trader = UUID.randomUUID();
        String token = TestTokens.trader(trader);
        String apiKey = "delKey" + UUID.randomUUID().toString().replace("-", "");
        String apiSecret = "delSecret" + UUID.randomUUID().toString().replace("-", "");
        binance.register(apiKey, apiSecret);
        String accountId = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("broker", "binance", "label", "Main", "credentials", Map.of("apiKey", apiKey, "apiSecret", apiSecret)))
                .post("/api/v1/me/broker-accounts").then().statusCode(201).extract().path("accountId");
        assertThat(UserDb.query(pool, trader, "select 1 from broker_credentials where user_id = $1", trader)).hasSize(2);

        given().auth().oauth2(TestTokens.forUser(admin, Set.of("admin", "trader")))
                .contentType(ContentType.JSON).body("{\"reason\":\"account closure requested\"}")
                .delete("/api/v1/admin/users/" + trader).then().statusCode(200)
                .body("status", equalTo("DELETED")).body("deletedAt", notNullValue())
                .body("limits.canTrade", equalTo(false));

        assertThat(UserDb.query(pool, trader, "select 1 from broker_credentials where user_id = $1", trader)).isEmpty();
        given().auth().oauth2(token).get("/api/v1/me/broker-accounts/" + accountId).then().statusCode(200)
                .body("status", equalTo("CLOSED"));
        try (KafkaProbe kafka = new KafkaProbe()) {
            List<KafkaProbe.Received> deleted = kafka.await("test." + Topics.USERS, trader.toString(),
                    record -> "DELETED".equals(EventJson.read(record.value(), UserState.class).status()), 1, Duration.ofSeconds(30));
            assertThat(deleted).hasSize(1);
            UserState state = EventJson.read(deleted.get(0).value(), UserState.class);
            assertThat(state.accounts()).extracting(UserState.Account::status).containsExactly("CLOSED");
            assertThat(deleted.get(0).value()).doesNotContain(apiSecret).doesNotContain(apiKey);
        }
        given().auth().oauth2(TestTokens.forUser(admin, Set.of("admin", "trader")))
                .post("/api/v1/admin/users/" + trader + "/enable").then().statusCode(409)
                .body("code", equalTo("USER_DELETED"));
    }
}
