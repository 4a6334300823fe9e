package io.tradeplex.user.permission;

import io.tradeplex.user.profile.ProfileRepository;
import io.tradeplex.kit.tenant.Tenant;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.tradeplex.kit.security.CurrentUser;
import io.tradeplex.user.profile.ProfileMapper;
import io.tradeplex.user.profile.ProfileService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.List;

@Path("/api/v1/me/permissions")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class PermissionResource {
    private final ProfileService profiles;
    private final PermissionService permissions;
    private final CurrentUser currentUser;
    private final JsonWebToken token;

    public PermissionResource(ProfileService profiles, PermissionService permissions, CurrentUser currentUser,
                              JsonWebToken token) {
        this.profiles = profiles;
        this.permissions = permissions;
        this.currentUser = currentUser;
        this.token = token;
    }

    public record PermissionsView(List<String> roles, List<String> permissions) {
    }

    @GET
    public Uni<PermissionsView> mine() {
        ProfileRepository.Identity caller = ProfileMapper.fromToken(currentUser, token);
        return Tenant.transaction(caller.userId(), () -> profiles.ensure(caller)
                .chain(profile -> permissions.effective(profile)
                        .map(granted -> new PermissionsView(List.copyOf(profile.roles), PermissionService.codes(granted)))));
    }
}
