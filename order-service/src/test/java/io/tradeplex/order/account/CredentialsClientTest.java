package io.tradeplex.order.account;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tradeplex.kit.problem.ApiException;
import io.tradeplex.order.support.FakeUserService;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The vault call is signed as order-service; the stand-in answers only to a valid signature. */
@QuarkusTest
@QuarkusTestResource(FakeUserService.class)
class CredentialsClientTest {
    @Inject
    CredentialsClient credentials;

    @Test
    void anAccountsKeysAreFetchedWithASignedCallAndNeverPrinted() {
        UUID user = UUID.randomUUID();
        UUID account = FakeUserService.binanceAccountOf(user, "k-" + user, "s-" + user);

        BrokerCredentials keys = credentials.credentials(user, account).await().atMost(Duration.ofSeconds(10));

        assertThat(keys.apiKey()).isEqualTo("k-" + user);
        assertThat(keys.apiSecret()).isEqualTo("s-" + user);
        assertThat(keys.toString()).doesNotContain("k-" + user).doesNotContain("s-" + user);
    }

    @Test
    void anotherUsersAccountIsNotFound() {
        UUID account = FakeUserService.binanceAccountOf(UUID.randomUUID(), "k", "s");
        assertThatThrownBy(() -> credentials.credentials(UUID.randomUUID(), account).await().atMost(Duration.ofSeconds(10)))
                .isInstanceOf(ApiException.class);
    }
}
