package io.tradeplex.order.user;

import io.smallrye.mutiny.Uni;
import io.tradeplex.contracts.CloudEventHeaders;
import io.tradeplex.contracts.EventJson;
import io.tradeplex.contracts.users.UserState;
import io.tradeplex.order.execution.Rejection;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class TradingEligibilityTest {
    private final UserStates states = new UserStates((userId, reason) -> Uni.createFrom().voidItem());
    private final UUID user = UUID.randomUUID();

    @Test
    void aUserWhoseStateHasNotArrivedMayTradeUnlessVerificationIsRequiredAndTheTokenLacksIt() {
        assertThat(new TradingEligibility(states, false).check(user, false)).isEmpty();
        assertThat(new TradingEligibility(states, true).check(user, true)).isEmpty();
        assertThat(code(new TradingEligibility(states, true).check(user, false))).isEqualTo("EMAIL_NOT_VERIFIED");
    }

    @Test
    void theLatestStateDecides() {
        TradingEligibility eligibility = new TradingEligibility(states, true);
        publish(state("ACTIVE", true, List.of("trading:trade"), Instant.parse("2026-01-01T00:00:00Z")));
        assertThat(eligibility.check(user, false)).isEmpty();

        publish(state("ACTIVE", true, List.of("data:view-own"), Instant.parse("2026-01-01T00:00:01Z")));
        assertThat(code(eligibility.check(user, true))).isEqualTo("TRADING_NOT_PERMITTED");

        publish(state("DISABLED", true, List.of("trading:trade"), Instant.parse("2026-01-01T00:00:02Z")));
        assertThat(code(eligibility.check(user, true))).isEqualTo("USER_DISABLED");

        // An older record delivered late never overrides a newer one.
        publish(state("ACTIVE", true, List.of("trading:trade"), Instant.parse("2026-01-01T00:00:00.5Z")));
        assertThat(code(eligibility.check(user, true))).isEqualTo("USER_DISABLED");
    }

    private static String code(Optional<Rejection> rejection) {
        return rejection.map(Rejection::code).orElse(null);
    }

    private UserState state(String status, boolean verified, List<String> permissions, Instant at) {
        return new UserState(1, user, "u@example.test", "basic", status, verified, List.of("trader"), permissions, at, false,
                null, null, null, List.of());
    }

    private void publish(UserState state) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("users", 0, 0, user.toString(), EventJson.write(state));
        record.headers().add(CloudEventHeaders.TYPE, UserState.TYPE.getBytes(StandardCharsets.UTF_8));
        states.consume(record).await().indefinitely();
    }
}
