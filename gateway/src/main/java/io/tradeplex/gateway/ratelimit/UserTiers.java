package io.tradeplex.gateway.ratelimit;

import io.tradeplex.contracts.users.UserState;
import jakarta.inject.Singleton;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Each user's tier, as the compacted {@code tradeplex.users.v1} last said. One small entry per user, as the topic
 * itself keeps; the rate limiter falls back to the default tier for a user not seen yet.
 */
@Singleton
public class UserTiers {
    private final ConcurrentMap<String, String> tierByUser = new ConcurrentHashMap<>();

    public Optional<String> tierOf(String userId) {
        return Optional.ofNullable(tierByUser.get(userId));
    }

    public void apply(UserState state) {
        if (state.tier() == null) {
            tierByUser.remove(state.userId().toString());
        } else {
            tierByUser.put(state.userId().toString(), state.tier());
        }
    }

    /** A tombstone on the compacted topic: the user is gone. */
    public void forget(String userId) {
        tierByUser.remove(userId);
    }
}
