package io.tradeplex.user.tenant;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.restassured.http.ContentType;
import io.tradeplex.kit.tenant.Tenant;
import io.tradeplex.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tradeplex.user.brokers.BrokerFakes;
import io.tradeplex.testing.brokers.FakeBinance;
import io.tradeplex.user.support.Linking;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.tradeplex.testing.RowLevelSecurityProbe.isRefusedByPolicy;
import static io.tradeplex.testing.RowLevelSecurityProbe.run;
import static io.tradeplex.testing.RowLevelSecurityProbe.update;
import static io.tradeplex.testing.RowLevelSecurityProbe.count;
import static io.tradeplex.testing.RowLevelSecurityProbe.assertApplicationRoleCannotBypass;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The database keeps users apart on its own: these queries leave out every user filter on purpose. */
@QuarkusTest
@QuarkusTestResource(BrokerFakes.class)
class RowLevelSecurityTest {
    @BrokerFakes.Fake
    FakeBinance binance;


    @Test
    void rowLevelSecurityAloneStopsACrossTenantReadWhenTheQueryOmitsTheUserFilter() throws Throwable {
        UUID ana = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        createPaperAccount(ana);
        createBinanceAccount(ana);
        createPaperAccount(bob);

        assertThat(run(() -> Tenant.transaction(ana, () -> count("select count(*) from broker_accounts")))).isEqualTo(2);
        assertThat(run(() -> Tenant.transaction(bob, () -> count("select count(*) from broker_accounts")))).isEqualTo(1);
        assertThat(run(() -> Tenant.transaction(bob, () -> count("select count(*) from users")))).isEqualTo(1);
        assertThat(run(() -> Tenant.transaction(UUID.randomUUID(), () -> count("select count(*) from users")))).isZero();
        assertThat(run(() -> Panache.withTransaction(() -> count("select count(*) from broker_accounts")))).isZero();
        assertThat(run(() -> Tenant.transaction(ana, () -> count("select count(*) from broker_credentials")))).isEqualTo(2);
        assertThat(run(() -> Tenant.transaction(bob, () -> count("select count(*) from broker_credentials")))).isZero();
        assertThat(run(() -> Panache.withTransaction(() -> count("select count(*) from broker_credentials")))).isZero();
        // The administrators' read-only bypass sees every user, but no user's broker accounts.
        assertThat(run(() -> Tenant.systemTransaction("test: admin read", () -> count("select count(*) from users"))))
                .isGreaterThanOrEqualTo(2);
        assertThat(run(() -> Tenant.systemTransaction("test: admin read",
                () -> count("select count(*) from broker_accounts")))).isZero();
    }

    /** Key rotation's bypass reads and re-wraps credentials across users, and can neither insert nor delete them. */
    @Test
    void theRotationBypassReadsAndUpdatesCredentialsButCannotInsertOrDeleteThem() throws Throwable {
        UUID ana = UUID.randomUUID();
        createBinanceAccount(ana);
        assertThat(run(() -> Tenant.systemTransaction("test: rotation read",
                () -> count("select count(*) from broker_credentials")))).isGreaterThanOrEqualTo(2);
        assertThat(run(() -> Tenant.systemTransaction("test: rotation update",
                () -> update("update broker_credentials set updated_at = updated_at where user_id = :user", ana)))).isEqualTo(2);
        assertThat(run(() -> Tenant.systemTransaction("test: no delete",
                () -> update("delete from broker_credentials where user_id = :user", ana)))).isZero();
        try {
            run(() -> Tenant.systemTransaction("test: no insert", () -> update("""
                    insert into broker_credentials (id, user_id, account_id, name, format_version, key_id, key_nonce,
                      wrapped_key, nonce, ciphertext, hint, created_at, updated_at)
                    select gen_random_uuid(), user_id, account_id, 'accessToken', 1, 'k1', key_nonce, wrapped_key, nonce,
                      ciphertext, hint, now(), now() from broker_credentials where user_id = :user and name = 'apiKey'""", ana)));
            throw new AssertionError("the bypass inserted a credential");
        } catch (Throwable refused) {
            isRefusedByPolicy(refused);
        }
    }

    @Test
    void everyTableWithUserDataIsForcedUnderRowLevelSecurityAndTheRoleCannotBypassIt() throws Throwable {
        assertApplicationRoleCannotBypass("broker_accounts", "users");
    }

    private void createBinanceAccount(UUID userId) {
        String apiKey = Linking.unique("rlsKey");
        String apiSecret = Linking.unique("rlsSecret");
        binance.register(apiKey, apiSecret);
        Linking.link(userId, "binance", apiKey, apiSecret);
    }

    private static void createPaperAccount(UUID userId) {
        given().auth().oauth2(TestTokens.trader(userId)).contentType(ContentType.JSON)
                .body(Map.of("broker", "paper", "label", "RLS")).post("/api/v1/me/broker-accounts")
                .then().statusCode(201);
    }
}
