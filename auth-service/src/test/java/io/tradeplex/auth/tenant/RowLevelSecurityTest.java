package io.tradeplex.auth.tenant;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.tradeplex.auth.AuthApi;
import io.tradeplex.kit.tenant.Tenant;
import io.tradeplex.testing.RowLevelSecurityProbe;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.tradeplex.testing.RowLevelSecurityProbe.assertApplicationRoleCannotBypass;
import static io.tradeplex.testing.RowLevelSecurityProbe.count;
import static io.tradeplex.testing.RowLevelSecurityProbe.run;
import static io.tradeplex.testing.RowLevelSecurityProbe.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The database keeps users apart on its own: these queries leave out every user filter on purpose. */
@QuarkusTest
class RowLevelSecurityTest {

    @Test
    void rowLevelSecurityAloneStopsACrossTenantReadWhenTheQueryOmitsTheUserFilter() throws Throwable {
        String anaEmail = AuthApi.uniqueEmail();
        UUID ana = AuthApi.registered(anaEmail);
        UUID bob = AuthApi.registered(AuthApi.uniqueEmail());
        AuthApi.login(anaEmail, AuthApi.PASSWORD).then().statusCode(200);
        AuthApi.login(anaEmail, AuthApi.PASSWORD).then().statusCode(200);

        assertThat(run(() -> Tenant.transaction(ana, () -> count("select count(*) from sessions")))).isEqualTo(2);
        assertThat(run(() -> Tenant.transaction(ana, () -> count("select count(*) from refresh_tokens")))).isEqualTo(2);
        assertThat(run(() -> Tenant.transaction(ana, () -> count("select count(*) from accounts")))).isEqualTo(1);
        assertThat(run(() -> Tenant.transaction(bob, () -> count("select count(*) from sessions")))).isZero();
        assertThat(run(() -> Tenant.transaction(bob, () -> count("select count(*) from refresh_tokens")))).isZero();
        assertThat(run(() -> Tenant.transaction(bob, () -> count("select count(*) from accounts")))).isEqualTo(1);
        assertThat(run(() -> Tenant.transaction(UUID.randomUUID(), () -> count("select count(*) from accounts")))).isZero();
        // No user named: nothing at all.
        assertThat(run(() -> Panache.withTransaction(() -> count("select count(*) from accounts")))).isZero();
        assertThat(run(() -> Panache.withTransaction(() -> count("select count(*) from sessions")))).isZero();
        assertThat(run(() -> Panache.withSession(() -> count("select count(*) from refresh_tokens")))).isZero();
        // The lookup bypass finds accounts and refresh tokens before the user is known, but no sessions or TOTP data.
        assertThat(run(() -> Tenant.systemTransaction("test: lookup", () -> count("select count(*) from accounts"))))
                .isGreaterThanOrEqualTo(2);
        assertThat(run(() -> Tenant.systemTransaction("test: lookup", () -> count("select count(*) from refresh_tokens"))))
                .isGreaterThanOrEqualTo(2);
        assertThat(run(() -> Tenant.systemTransaction("test: lookup", () -> count("select count(*) from sessions"))))
                .isZero();
        assertThat(run(() -> Tenant.systemTransaction("test: lookup", () -> count("select count(*) from totp_credentials"))))
                .isZero();
    }

    @Test
    void theBypassIsReadOnlyAndWritesForAnotherUserFindNothing() throws Throwable {
        UUID ana = AuthApi.registered(AuthApi.uniqueEmail());
        UUID bob = UUID.randomUUID();

        assertThatThrownBy(() -> run(() -> Tenant.systemTransaction("test: a write through the read-only bypass",
                () -> insertAccount(UUID.randomUUID()))))
                .satisfies(RowLevelSecurityProbe::isRefusedByPolicy);
        assertThat(run(() -> Tenant.systemTransaction("test: an update through the read-only bypass",
                () -> update("update accounts set display_name = 'tampered' where id = :user", ana)))).isZero();
        assertThat(run(() -> Tenant.systemTransaction("test: a delete through the read-only bypass",
                () -> update("delete from accounts where id = :user", ana)))).isZero();
        assertThatThrownBy(() -> run(() -> Tenant.transaction(bob, () -> insertAccount(ana))))
                .satisfies(RowLevelSecurityProbe::isRefusedByPolicy);
        assertThat(run(() -> Tenant.transaction(bob,
                () -> update("update accounts set display_name = 'tampered' where id = :user", ana)))).isZero();

        assertThat(run(() -> Tenant.transaction(ana,
                () -> count("select count(*) from accounts where display_name <> 'tampered'")))).isEqualTo(1);
    }

    @Test
    void everyTableWithUserDataIsForcedUnderRowLevelSecurityAndTheRoleCannotBypassIt() throws Throwable {
        assertApplicationRoleCannotBypass("sessions", "accounts");
    }

    private static Uni<Integer> insertAccount(UUID id) {
        return update("""
                insert into accounts (id, email, password_hash, display_name, roles, created_at, updated_at)
                values (:user, 'rls-' || gen_random_uuid() || '@example.test', 'x', 'RLS', array['trader'], now(), now())""",
                id);
    }

}
