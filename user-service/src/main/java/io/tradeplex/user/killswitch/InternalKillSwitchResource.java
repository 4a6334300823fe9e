package io.tradeplex.user.killswitch;

import io.smallrye.mutiny.Uni;
import io.tradeplex.kit.internal.ServiceSignature;
import io.tradeplex.kit.problem.ApiException;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestPath;

import java.util.List;
import java.util.UUID;

/**
 * The platform halts a user's trading: order-service after too many broker errors in a row. {@code @PermitAll} for end
 * users' tokens: the kit's {@code InternalCallFilter} admits only signed internal calls under {@code /internal/}, and
 * the gateway routes none. The switch is {@code triggeredBy = system}, so the user cannot reset it themself.
 */
@Path("/internal/v1/users/{userId}/kill-switch")
@PermitAll
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class InternalKillSwitchResource {
    public static final String CALLER_NOT_ALLOWED = "KILL_SWITCH_CALLER_NOT_ALLOWED";

    private final KillSwitchService killSwitches;
    private final KillSwitchConfig config;

    public InternalKillSwitchResource(KillSwitchService killSwitches, KillSwitchConfig config) {
        this.killSwitches = killSwitches;
        this.config = config;
    }

    /** @param caller already verified by the filter: the signature covers it */
    @POST
    public Uni<KillSwitchView> trigger(@HeaderParam(ServiceSignature.CALLER_HEADER) String caller,
                                       @RestPath String userId, @Valid @NotNull KillSwitchRequest request) {
        if (!config.systemCallers().contains(caller)) {
            throw new ApiException(403, "Forbidden", CALLER_NOT_ALLOWED,
                    "This service may not set users' kill switches", List.of());
        }
        UUID user;
        try {
            user = UUID.fromString(userId);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("User");
        }
        return killSwitches.triggerBySystem(user, request.reason(), caller);
    }
}
