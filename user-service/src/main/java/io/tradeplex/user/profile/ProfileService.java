package io.tradeplex.user.profile;

import io.smallrye.mutiny.Uni;
import io.tradeplex.user.profile.ProfileRepository.Identity;
import io.tradeplex.user.state.UserStatePublisher;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

@ApplicationScoped
public class ProfileService {
    private final ProfileRepository profiles;
    private final UserStatePublisher statePublisher;

    public ProfileService(ProfileRepository profiles, UserStatePublisher statePublisher) {
        this.profiles = profiles;
        this.statePublisher = statePublisher;
    }

    /**
     * The caller's profile, created from their token if the registration event has not arrived yet: registration is
     * asynchronous, and a user who just signed up must not see a 404. Must run inside a transaction.
     */
    public Uni<UserProfile> ensure(Identity caller) {
        return profiles.findById(caller.userId())
                .chain(found -> found != null
                        ? Uni.createFrom().item(found)
                        : profiles.insertIfAbsent(caller, now()).chain(() -> profiles.findById(caller.userId())));
    }

    /** @return the user's active account id, or null if they have none (or no profile yet) */
    public Uni<UUID> activeAccountId(UUID userId) {
        return profiles.findById(userId).map(profile -> profile == null ? null : profile.activeAccountId);
    }

    /** A user's first account becomes the active one; later ones do not. Must run inside a transaction. */
    public Uni<Void> activateIfNone(UUID userId, UUID accountId) {
        return profiles.activateIfNone(userId, accountId, now()).replaceWithVoid();
    }

    /** Must run inside a transaction; the account must be the user's own. */
    public Uni<Void> activate(UUID userId, UUID accountId) {
        return profiles.activate(userId, accountId, now()).replaceWithVoid();
    }

    /** If {@code accountId} is active, {@code successor} (or nothing, if null) becomes active instead. */
    public Uni<Void> handOverActive(UUID userId, UUID accountId, UUID successor) {
        return profiles.replaceActive(userId, accountId, successor, now()).replaceWithVoid();
    }

    /** Applies a registration event. Must run inside the transaction that records the event in the inbox. */
    public Uni<Void> register(Identity registered) {
        return profiles.upsertIdentity(registered, now())
                .chain(() -> profiles.findById(registered.userId()))
                .chain(statePublisher::publish);
    }

    /** Applies auth-service's proof of e-mail ownership. Must run inside the transaction that records the event. */
    public Uni<Void> markEmailVerified(UUID userId) {
        return profiles.findById(userId).chain(profile -> {
            if (profile == null || profile.emailVerified) {
                return Uni.createFrom().voidItem();
            }
            profile.emailVerified = true;
            profile.updatedAt = now();
            return statePublisher.publish(profile);
        });
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
