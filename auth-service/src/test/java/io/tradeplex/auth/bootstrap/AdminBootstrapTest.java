package io.tradeplex.auth.bootstrap;

import io.tradeplex.auth.Db;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.tradeplex.auth.AuthApi;
import io.tradeplex.auth.Events;
import io.tradeplex.contracts.auth.EmailVerified;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class AdminBootstrapTest {
    @Inject
    AdminBootstrap bootstrap;
    @Inject
    Pool pool;
    @ConfigProperty(name = "tradeplex.admin.email")
    String adminEmail;
    @ConfigProperty(name = "tradeplex.admin.password")
    String adminPassword;

    @Test
    void theConfiguredAdminExistsWithAdminAndTraderRoles() {
        String accessToken = AuthApi.login(adminEmail, adminPassword).then().statusCode(200).extract().path("accessToken");
        assertThat(AuthApi.jwtPart(accessToken, 1).get("groups")).extracting(com.fasterxml.jackson.databind.JsonNode::asText)
                .containsExactlyInAnyOrder("admin", "trader");
    }

    @Test
    void aBootstrappedAdminsAddressCountsAsVerifiedAndIsAnnouncedSo() throws Throwable {
        // A fresh address: the configured admin was created by whichever run first used this database.
        String email = AuthApi.uniqueEmail();
        assertThat(VertxContextSupport.<Boolean>subscribeAndAwait(() -> bootstrap.ensureAdmin(email, AuthApi.PASSWORD))).isTrue();

        String accessToken = AuthApi.login(email, AuthApi.PASSWORD).then().statusCode(200).extract().path("accessToken");
        assertThat(AuthApi.jwtPart(accessToken, 1).get("email_verified").asBoolean()).isTrue();
        UUID adminId = UUID.fromString(AuthApi.jwtPart(accessToken, 1).get("sub").asText());
        assertThat(Events.auth(adminId, EmailVerified.TYPE, 1)).hasSize(1);
    }

    @Test
    void runningTheBootstrapAgainChangesNothing() throws Throwable {
        String hashBefore = passwordHash();
        boolean created = VertxContextSupport.subscribeAndAwait(() -> bootstrap.ensureAdmin(adminEmail, "another-password-123"));

        assertThat(created).isFalse();
        assertThat(Db.lookup(pool, "select count(*) from accounts where email = $1", Tuple.of(adminEmail))
                .iterator().next().getLong(0)).isEqualTo(1);
        assertThat(passwordHash()).isEqualTo(hashBefore);
    }

    private String passwordHash() {
        return Db.lookup(pool, "select password_hash from accounts where email = $1", Tuple.of(adminEmail))
                .iterator().next().getString(0);
    }
}
