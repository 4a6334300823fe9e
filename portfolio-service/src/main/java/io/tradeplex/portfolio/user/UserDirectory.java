package io.tradeplex.portfolio.user;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.tradeplex.contracts.Topics;
import io.tradeplex.contracts.users.UserState;
import io.tradeplex.kit.kafka.CompactedTopics;
import io.tradeplex.kit.kafka.IncomingEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What portfolio-service needs of each user, from the compacted {@code tradeplex.users.v1}: the zone their trading day
 * is counted in and their daily-loss limit. Read to its end before the service starts, so a limit raised long ago is
 * never judged by its superseded value; every instance keeps every user (its own group, from the beginning).
 */
@ApplicationScoped
public class UserDirectory {
    /** @param maxDailyLossUsd null while the user's limits are unknown */
    public record Profile(ZoneId zone, BigDecimal maxDailyLossUsd, Instant updatedAt) {
    }

    private static final ZoneId UTC = ZoneId.of(UserState.DEFAULT_TIME_ZONE);
    private static final Profile UNKNOWN = new Profile(UTC, null, Instant.EPOCH);

    private final Map<UUID, Profile> profiles = new ConcurrentHashMap<>();

    void restore(@Observes @Priority(10) StartupEvent ignored, CompactedTopics topics) {
        topics.readToEnd(Topics.USERS, this::offer);
    }

    @Incoming("user-states")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        offer(IncomingEvent.of(record));
        return Uni.createFrom().voidItem();
    }

    private void offer(IncomingEvent event) {
        if (!event.is(UserState.TYPE)) {
            return;
        }
        UserState state = event.decode(UserState.class);
        Profile profile = new Profile(zoneOf(state), state.limits() == null ? null : state.limits().maxDailyLossUsd(),
                state.updatedAt());
        profiles.merge(state.userId(), profile,
                (known, incoming) -> incoming.updatedAt().isBefore(known.updatedAt()) ? known : incoming);
    }

    /** A user not (yet) published counts days in UTC and has no known limit. */
    public Profile of(UUID userId) {
        return Optional.ofNullable(profiles.get(userId)).orElse(UNKNOWN);
    }

    public ZoneId zoneOf(UUID userId) {
        return of(userId).zone();
    }

    /** A zone this JVM does not know (a newer tz database elsewhere) falls back to UTC rather than dropping the user. */
    private static ZoneId zoneOf(UserState state) {
        try {
            return state.tradingZone();
        } catch (DateTimeException unknown) {
            return UTC;
        }
    }
}
