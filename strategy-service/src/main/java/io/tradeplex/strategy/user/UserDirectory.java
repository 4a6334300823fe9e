package io.tradeplex.strategy.user;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.tradeplex.contracts.Topics;
import io.tradeplex.contracts.users.UserState;
import io.tradeplex.kit.kafka.CompactedTopics;
import io.tradeplex.kit.kafka.IncomingEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every user's latest state from the compacted {@code tradeplex.users.v1}: tier (the cap on running strategies),
 * {@code tradeOnly}, status and broker accounts. Read to its end before the service answers, then followed live; a
 * user who becomes disabled or deleted is announced so their strategies stop.
 */
@ApplicationScoped
public class UserDirectory {
    /** Fired when a user may no longer run strategies (disabled or deleted). */
    public record UserHalted(UUID userId, String status) {
    }

    private final Map<UUID, UserState> latest = new ConcurrentHashMap<>();
    private final Event<UserHalted> halted;

    public UserDirectory(Event<UserHalted> halted) {
        this.halted = halted;
    }

    void restore(@Observes @Priority(10) StartupEvent ignored, CompactedTopics topics) {
        topics.readToEnd(Topics.USERS, event -> {
            if (event.is(UserState.TYPE)) {
                merge(event.decode(UserState.class));
            }
        });
    }

    @Incoming("user-states")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.of(record);
        if (!event.is(UserState.TYPE)) {
            return Uni.createFrom().voidItem();
        }
        UserState state = event.decode(UserState.class);
        UserState before = latest.get(state.userId());
        if (merge(state) == state && !isActive(state) && (before == null || isActive(before))) {
            halted.fire(new UserHalted(state.userId(), state.status()));
        }
        return Uni.createFrom().voidItem();
    }

    private UserState merge(UserState state) {
        return latest.merge(state.userId(), state,
                (known, incoming) -> incoming.updatedAt().isBefore(known.updatedAt()) ? known : incoming);
    }

    private static boolean isActive(UserState state) {
        return UserState.STATUS_ACTIVE.equals(state.status());
    }

    /** Empty until user-service has published the user (the first moments after sign-up). */
    public Optional<UserState> of(UUID userId) {
        return Optional.ofNullable(latest.get(userId));
    }

    /** The account as the user's published state lists it, if it is theirs. */
    public Optional<UserState.Account> account(UUID userId, UUID accountId) {
        return of(userId).flatMap(state -> state.accounts().stream()
                .filter(account -> account.accountId().equals(accountId)).findFirst());
    }
}
