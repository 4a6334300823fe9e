package io.tradeplex.user.tenant;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.restassured.http.ContentType;
import io.tradeplex.kit.tenant.Tenant;
import io.tradeplex.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.tradeplex.testing.RowLevelSecurityProbe.run;
import static io.tradeplex.testing.RowLevelSecurityProbe.count;
import static io.tradeplex.testing.RowLevelSecurityProbe.assertApplicationRoleCannotBypass;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The database keeps users apart on its own: these queries leave out every user filter on purpose. */
@QuarkusTest
class RowLevelSecurityTest {

    @Test
    void rowLevelSecurityAloneStopsACrossTenantReadWhenTheQueryOmitsTheUserFilter() throws Throwable {
        UUID ana = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        createPaperAccount(ana);
        createPaperAccount(ana);
        createPaperAccount(bob);

        assertThat(run(() -> Tenant.transaction(ana, () -> count("select count(*) from broker_accounts")))).isEqualTo(2);
        assertThat(run(() -> Tenant.transaction(bob, () -> count("select count(*) from broker_accounts")))).isEqualTo(1);
        assertThat(run(() -> Tenant.transaction(bob, () -> count("select count(*) from users")))).isEqualTo(1);
        assertThat(run(() -> Tenant.transaction(UUID.randomUUID(), () -> count("select count(*) from users")))).isZero();
        assertThat(run(() -> Panache.withTransaction(() -> count("select count(*) from broker_accounts")))).isZero();
        // The administrators' read-only bypass sees every user, but no user's broker accounts.
        assertThat(run(() -> Tenant.systemTransaction("test: admin read", () -> count("select count(*) from users"))))
                .isGreaterThanOrEqualTo(2);
        assertThat(run(() -> Tenant.systemTransaction("test: admin read",
                () -> count("select count(*) from broker_accounts")))).isZero();
    }

    @Test
    void everyTableWithUserDataIsForcedUnderRowLevelSecurityAndTheRoleCannotBypassIt() throws Throwable {
        assertApplicationRoleCannotBypass("broker_accounts", "users");
    }

    private static void createPaperAccount(UUID userId) {
        given().auth().oauth2(TestTokens.trader(userId)).contentType(ContentType.JSON)
                .body(Map.of("broker", "paper", "label", "RLS")).post("/api/v1/me/broker-accounts")
                .then().statusCode(201);
    }
}
