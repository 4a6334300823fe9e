package io.tradeplex.user.state;

import io.smallrye.mutiny.Uni;
import io.tradeplex.contracts.Topics;
import io.tradeplex.contracts.users.UserState;
import io.tradeplex.kit.outbox.Outbox;
import io.tradeplex.user.permission.PermissionService;
import io.tradeplex.user.profile.UserProfile;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;

/**
 * Publishes the user's whole current state on the compacted {@code tradeplex.users.v1} after every change, in the
 * change's transaction: readers (the gateway's rate limits, order-service's checks) keep the latest record per user.
 */
@ApplicationScoped
public class UserStatePublisher {
    private final PermissionService permissions;
    private final Outbox outbox;

    public UserStatePublisher(PermissionService permissions, Outbox outbox) {
        this.permissions = permissions;
        this.outbox = outbox;
    }

    /** Must run inside the transaction of the change. */
    public Uni<Void> publish(UserProfile profile) {
        return permissions.effective(profile).chain(granted -> {
            UserState state = new UserState(UserState.SCHEMA_VERSION, profile.id, profile.email, profile.tier,
                    profile.status, profile.emailVerified, List.copyOf(profile.roles), PermissionService.codes(granted),
                    Instant.now(), false, null, null, profile.activeAccountId, List.of());
            return outbox.add(Topics.USERS, profile.id.toString(), profile.id.toString(), state);
        }).replaceWithVoid();
    }
}
