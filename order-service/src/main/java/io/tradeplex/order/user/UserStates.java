package io.tradeplex.order.user;

import io.smallrye.mutiny.Uni;
import io.tradeplex.contracts.users.UserState;
import io.tradeplex.kit.kafka.IncomingEvent;
import io.quarkus.runtime.StartupEvent;
import io.tradeplex.contracts.Topics;
import io.tradeplex.kit.kafka.CompactedTopics;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every user's latest state from the compacted {@code tradeplex.users.v1}, held in memory: an admin's revocation of
 * {@code trading:trade}, or a disable, reaches the next order check within the consumer's lag, with no call to
 * user-service on the order path. Each instance reads the whole topic (its own group, from the beginning).
 */
@ApplicationScoped
public class UserStates {
    private final Map<UUID, UserState> latest = new ConcurrentHashMap<>();
    private final HaltListener halts;

    public UserStates(HaltListener halts) {
        this.halts = halts;
    }

    /** The state as it is now, before the first request: see {@link CompactedTopics}. */
    void restore(@Observes @Priority(10) StartupEvent ignored, CompactedTopics topics) {
        topics.readToEnd(Topics.USERS, event -> {
            if (event.is(UserState.TYPE)) {
                merge(event.decode(UserState.class));
            }
        });
    }

    /** A user who becomes unable to trade (kill switch, disabled, deleted) has their resting orders cancelled too. */
    @Incoming("user-states")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.of(record);
        if (!event.is(UserState.TYPE)) {
            return Uni.createFrom().voidItem();
        }
        UserState state = event.decode(UserState.class);
        UserState before = latest.get(state.userId());
        Optional<String> haltedBecause = haltReason(state);
        if (merge(state) == state && haltedBecause.isPresent() && (before == null || haltReason(before).isEmpty())) {
            return halts.halted(state.userId(), haltedBecause.get());
        }
        return Uni.createFrom().voidItem();
    }

    /** @return the state that is now current: the incoming one unless a newer one is known */
    private UserState merge(UserState state) {
        return latest.merge(state.userId(), state,
                (known, incoming) -> incoming.updatedAt().isBefore(known.updatedAt()) ? known : incoming);
    }

    /** Why this user may not trade at all (kill switch on, disabled, deleted); empty when they may. */
    public static Optional<String> haltReason(UserState state) {
        if (state.killSwitch() != null) {
            return Optional.of("kill switch: " + state.killSwitch().reason());
        }
        return UserState.STATUS_ACTIVE.equals(state.status()) ? Optional.empty()
                : Optional.of("user " + state.status().toLowerCase(java.util.Locale.ROOT));
    }

    /** Empty until user-service has published the user, e.g. in the first milliseconds after sign-up. */
    public Optional<UserState> of(UUID userId) {
        return Optional.ofNullable(latest.get(userId));
    }
}
