package io.tradeplex.order.broker.autodisable;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.UUID;

/** Halts a user's trading through user-service. Retrying is safe: a switch that is already on keeps its first cause. */
@ApplicationScoped
public class KillSwitchClient {
    private final InternalKillSwitchApi api;

    public KillSwitchClient(@RestClient InternalKillSwitchApi api) {
        this.api = api;
    }

    @Timeout(3000)
    @Retry(maxRetries = 2, delay = 200)
    public Uni<Void> trigger(UUID userId, String reason) {
        return api.trigger(userId, new InternalKillSwitchApi.Trigger(reason));
    }
}
