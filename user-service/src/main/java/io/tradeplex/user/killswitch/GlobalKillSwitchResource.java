package io.tradeplex.user.killswitch;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.tradeplex.kit.security.CurrentUser;
import io.tradeplex.user.permission.Authorizer;
import io.tradeplex.user.permission.Permission;
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

/**
 * The platform-wide kill switch: every user's trading halts at once. Only administrators set or reset it; anyone
 * signed in may read it (a trader whose orders are refused deserves to know why).
 */
@Path(GlobalKillSwitchResource.PATH)
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class GlobalKillSwitchResource {
    static final String PATH = "/api/v1/admin/kill-switch";

    private final KillSwitchService killSwitches;
    private final Authorizer authorizer;
    private final CurrentUser currentUser;
    private final JsonWebToken token;

    public GlobalKillSwitchResource(KillSwitchService killSwitches, Authorizer authorizer, CurrentUser currentUser,
                                    JsonWebToken token) {
        this.killSwitches = killSwitches;
        this.authorizer = authorizer;
        this.currentUser = currentUser;
        this.token = token;
    }

    @GET
    public Uni<GlobalKillSwitchView> get() {
        return killSwitches.global(currentUser.id());
    }

    @POST
    public Uni<GlobalKillSwitchView> trigger(@Valid @NotNull KillSwitchRequest request) {
        return authorizer.require(ProfileMapper.fromToken(currentUser, token), Permission.SYSTEM_ADMINISTER,
                        "kill-switch.global.trigger", PATH)
                .chain(admin -> killSwitches.setGlobal(admin.id, true, request.reason()));
    }

    /** Resetting is a manual act like triggering; the reason is optional but kept when given. */
    @DELETE
    public Uni<GlobalKillSwitchView> reset(@Valid ResetRequest request) {
        return authorizer.require(ProfileMapper.fromToken(currentUser, token), Permission.SYSTEM_ADMINISTER,
                        "kill-switch.global.reset", PATH)
                .chain(admin -> killSwitches.setGlobal(admin.id, false, request == null ? null : request.reason()));
    }
}
