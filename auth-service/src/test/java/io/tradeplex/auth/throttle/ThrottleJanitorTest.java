package io.tradeplex.auth.throttle;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class ThrottleJanitorTest {
    @Inject
    ThrottleJanitor janitor;
    @Inject
    Pool pool;

    @Test
    void keysUntouchedForAnHourAreDeletedOthersStay() {
        String stale = "address:test-stale-" + UUID.randomUUID();
        String recent = "address:test-recent-" + UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        insert(stale, now.minusHours(1).minusMinutes(1));
        insert(recent, now.minusMinutes(59));

        assertThat(janitor.sweep().await().atMost(Duration.ofSeconds(10))).isGreaterThanOrEqualTo(1);

        assertThat(exists(stale)).isFalse();
        assertThat(exists(recent)).isTrue();
    }

    private void insert(String key, OffsetDateTime updatedAt) {
        pool.preparedQuery("insert into login_throttles (key, failures, updated_at) values ($1, 7, $2)")
                .execute(Tuple.of(key, updatedAt)).await().atMost(Duration.ofSeconds(10));
    }

    private boolean exists(String key) {
        return pool.preparedQuery("select count(*) from login_throttles where key = $1").execute(Tuple.of(key))
                .await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0) == 1;
    }
}
