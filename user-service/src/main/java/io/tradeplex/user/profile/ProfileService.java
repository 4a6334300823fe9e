package io.tradeplex.user.profile;

import io.smallrye.mutiny.Uni;
import io.tradeplex.user.profile.ProfileRepository.Identity;
import io.tradeplex.user.state.UserStatePublisher;
import jakarta.enterprise.context.ApplicationScoped;

import io.tradeplex.contracts.auth.UserRegistered;
import io.tradeplex.user.tier.Tier;

import java.time.Instant;
import java.util.List;
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

    /**
     * Applies a registration event, with an administrator's onboarding choices for an imported user (validated against
     * the tier when the import was submitted; the effective limits clamp them to the tier in any case). Must run inside
     * the transaction that records the event in the inbox, so the profile never exists half-configured.
     */
    public Uni<Void> register(Identity registered, UserRegistered.Onboarding onboarding) {
        return profiles.upsertIdentity(registered, now())
                .chain(() -> profiles.findById(registered.userId()))
                .invoke(profile -> {
                    if (onboarding != null) {
                        applyOnboarding(profile, onboarding);
                    }
                })
                .chain(statePublisher::publish);
    }

    private static void applyOnboarding(UserProfile profile, UserRegistered.Onboarding onboarding) {
        Tier.ofWire(onboarding.tier()).ifPresent(tier -> profile.tier = tier.wire());
        profile.maxPositionSizeUsd = onboarding.maxPositionSizeUsd();
        profile.maxDailyLossUsd = onboarding.maxDailyLossUsd();
        profile.maxOpenPositions = onboarding.maxOpenPositions();
        profile.allowedSymbols = onboarding.allowedSymbols() == null ? null : List.copyOf(onboarding.allowedSymbols());
        profile.tradeOnly = Boolean.TRUE.equals(onboarding.tradeOnly());
        profile.updatedAt = now();
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
