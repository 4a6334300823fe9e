package io.tradeplex.user.limits;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.tradeplex.kit.security.CurrentUser;
import io.tradeplex.kit.tenant.Tenant;
import io.tradeplex.user.killswitch.TradingControlRepository;
import io.tradeplex.user.permission.PermissionService;
import io.tradeplex.user.profile.ProfileMapper;
import io.tradeplex.user.profile.ProfileService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

@Path("/api/v1/me/limits")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class LimitsResource {
    private final ProfileService profiles;
    private final PermissionService permissions;
    private final TradingControlRepository controls;
    private final CurrentUser currentUser;
    private final JsonWebToken token;

    public LimitsResource(ProfileService profiles, PermissionService permissions, TradingControlRepository controls,
                          CurrentUser currentUser, JsonWebToken token) {
        this.profiles = profiles;
        this.permissions = permissions;
        this.controls = controls;
        this.currentUser = currentUser;
        this.token = token;
    }

    @GET
    public Uni<LimitsView> get() {
        var caller = ProfileMapper.fromToken(currentUser, token);
        return Tenant.transaction(caller.userId(), () -> profiles.ensure(caller)
                .chain(user -> permissions.effective(user)
                        .chain(granted -> controls.globalKillSwitchOn()
                                .map(global -> LimitsMapper.toView(user, granted, global)))));
    }
}
