package io.tradeplex.user.killswitch;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.tradeplex.kit.security.CurrentUser;
import io.tradeplex.user.profile.ProfileMapper;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The trader's own emergency stop. Triggering is always allowed; resetting only a switch the trader set. */
@Path("/api/v1/me/kill-switch")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MyKillSwitchResource {
    private final KillSwitchService killSwitches;
    private final CurrentUser currentUser;
    private final JsonWebToken token;

    public MyKillSwitchResource(KillSwitchService killSwitches, CurrentUser currentUser, JsonWebToken token) {
        this.killSwitches = killSwitches;
        this.currentUser = currentUser;
        this.token = token;
    }

    @GET
    public Uni<KillSwitchView> get() {
        return killSwitches.ofUser(ProfileMapper.fromToken(currentUser, token));
    }

    @POST
    public Uni<KillSwitchView> trigger(@Valid @NotNull KillSwitchRequest request) {
        return killSwitches.triggerOwn(ProfileMapper.fromToken(currentUser, token), request.reason());
    }

    @DELETE
    public Uni<KillSwitchView> reset() {
        return killSwitches.resetOwn(ProfileMapper.fromToken(currentUser, token));
    }
}
