package io.tradeplex.user.tenant;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.smallrye.mutiny.Uni;
import io.tradeplex.kit.tenant.Tenant;
import io.tradeplex.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

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
        Object[] role = run(() -> Panache.withSession(() -> row(
                "select current_user::text, rolsuper, rolbypassrls from pg_roles where rolname = current_user")));
        assertThat(role).containsExactly("tradeplex_app", false, false);
        assertThat(run(() -> Panache.withSession(() -> texts("""
                select c.relname::text from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = 'public' and c.relkind = 'r' and not (c.relrowsecurity and c.relforcerowsecurity)
                  and (c.relname = 'users' or exists (select 1 from pg_attribute a
                       where a.attrelid = c.oid and a.attname = 'user_id' and not a.attisdropped))"""))))
                .isEmpty();
    }

    private static void createPaperAccount(UUID userId) {
        given().auth().oauth2(TestTokens.trader(userId)).contentType(ContentType.JSON)
                .body(Map.of("broker", "paper", "label", "RLS")).post("/api/v1/me/broker-accounts")
                .then().statusCode(201);
    }

    private static <T> T run(Supplier<Uni<T>> work) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(work);
    }

    private static Uni<Long> count(String sql) {
        return Panache.getSession().chain(session -> session.createNativeQuery(sql, Long.class).getSingleResult());
    }

    private static Uni<Object[]> row(String sql) {
        return Panache.getSession().chain(session -> session.createNativeQuery(sql, Object[].class).getSingleResult());
    }

    private static Uni<List<String>> texts(String sql) {
        return Panache.getSession().chain(session -> session.createNativeQuery(sql, String.class).getResultList());
    }
}
