package io.tradeplex.user.vault;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tradeplex.contracts.EventJson;
import io.tradeplex.contracts.Topics;
import io.tradeplex.contracts.audit.AuditEvent;
import io.tradeplex.kit.tenant.Tenant;
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
import static io.tradeplex.testing.RowLevelSecurityProbe.run;
import static io.tradeplex.user.support.Linking.link;
import static io.tradeplex.user.support.Linking.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

/**
 * Rotation under a running service. The test keyring holds k1 and k2 with k2 active; rotating to a ring with k1 active
 * plays the operator's "make the new key active" step, and the admin endpoint then rotates back to the configured k2.
 */
@QuarkusTest
@QuarkusTestResource(BrokerFakes.class)
class KeyRotationTest {
    @BrokerFakes.Fake
    FakeBinance binance;
    @Inject
    KeyRotation rotation;
    @Inject
    MasterKeyring ring;
    @Inject
    CredentialVault vault;
    @Inject
    Pool pool;

    @Test
    void everyRecordIsRewrappedUnderTheActiveKeyAndStillOpensAndASecondRotationHasNothingToDo() throws Throwable {
        UUID ana = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        String anaSecret = unique("anaSecret");
        String bobSecret = unique("bobSecret");
        String anaAccount = linkBinance(ana, anaSecret);
        String bobAccount = linkBinance(bob, bobSecret);
        assertThat(keyIds(ana)).containsOnly("k2");

        MasterKeyring toK1 = ring.withActive("k1");
        KeyRotation.Result first = run(() -> rotation.rotate(toK1));
        assertThat(first.activeKeyId()).isEqualTo("k1");
        assertThat(first.rewrapped()).isGreaterThanOrEqualTo(4);
        assertThat(keyIds(ana)).containsOnly("k1");
        assertThat(keyIds(bob)).containsOnly("k1");
        // The running service (k2 active) still opens them: every key in the ring unwraps.
        assertThat(reveal(ana, anaAccount)).containsEntry(SecretName.API_SECRET, anaSecret);
        assertThat(reveal(bob, bobAccount)).containsEntry(SecretName.API_SECRET, bobSecret);

        KeyRotation.Result second = run(() -> rotation.rotate(toK1));
        assertThat(second.rewrapped()).isZero();
        assertThat(second.alreadyCurrent()).isEqualTo(first.rewrapped() + first.alreadyCurrent());
    }

    @Test
    void theAdminEndpointRotatesToTheConfiguredKeyAndIsAudited() throws Throwable {
        UUID user = UUID.randomUUID();
        String secret = unique("secret");
        String account = linkBinance(user, secret);
        run(() -> rotation.rotate(ring.withActive("k1")));
        assertThat(keyIds(user)).containsOnly("k1");
        UUID admin = UUID.randomUUID();
        String adminToken = TestTokens.forUser(admin, Set.of("admin"));

        given().auth().oauth2(adminToken).post("/api/v1/admin/vault/rotate-keys").then().statusCode(200)
                .body("activeKeyId", equalTo("k2"))
                .body("rewrapped", greaterThanOrEqualTo(2));
        assertThat(keyIds(user)).containsOnly("k2");
        assertThat(reveal(user, account)).containsEntry(SecretName.API_SECRET, secret);
        given().auth().oauth2(adminToken).post("/api/v1/admin/vault/rotate-keys").then().statusCode(200)
                .body("rewrapped", equalTo(0));

        try (KafkaProbe kafka = new KafkaProbe()) {
            List<KafkaProbe.Received> audited = kafka.await("test." + Topics.AUDIT, admin.toString(),
                    record -> AuditEvent.TYPE.equals(record.type()), 2, Duration.ofSeconds(30));
            assertThat(audited).extracting(record -> EventJson.read(record.value(), AuditEvent.class))
                    .allSatisfy(event -> {
                        assertThat(event.action()).isEqualTo("admin.vault.rotate-keys");
                        assertThat(event.outcome()).isEqualTo(AuditEvent.ALLOWED);
                        assertThat(event.details()).containsEntry("activeKeyId", "k2");
                    });
        }
    }

    @Test
    void aTraderCannotRotateKeys() {
        given().auth().oauth2(TestTokens.trader(UUID.randomUUID())).post("/api/v1/admin/vault/rotate-keys")
                .then().statusCode(403).contentType("application/problem+json").body("code", equalTo("PERMISSION_MISSING"));
        given().post("/api/v1/admin/vault/rotate-keys").then().statusCode(401);
    }

    private String linkBinance(UUID user, String secret) {
        String apiKey = unique("bnKey");
        binance.register(apiKey, secret);
        return link(user, "binance", apiKey, secret);
    }

    private List<String> keyIds(UUID user) {
        return UserDb.query(pool, user, "select key_id from broker_credentials").stream()
                .map(row -> row.getString("key_id")).toList();
    }

    private Map<SecretName, String> reveal(UUID user, String accountId) throws Throwable {
        return run(() -> Tenant.transaction(user, () -> vault.reveal(user, UUID.fromString(accountId))));
    }
}
