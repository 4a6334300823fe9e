package io.tradeplex.user.profile;

import io.tradeplex.kit.tenant.Tenant;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.tradeplex.kit.security.CurrentUser;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

@Path("/api/v1/me")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ProfileResource {
    private final ProfileService profiles;
    private final CurrentUser currentUser;
    private final JsonWebToken token;

    public ProfileResource(ProfileService profiles, CurrentUser currentUser, JsonWebToken token) {
        this.profiles = profiles;
        this.currentUser = currentUser;
        this.token = token;
    }

    @GET
    public Uni<MeResponse> me() {
        ProfileRepository.Identity caller = ProfileMapper.fromToken(currentUser, token);
        return Tenant.transaction(caller.userId(), () -> profiles.ensure(caller)).map(ProfileMapper::toResponse);
    }
}
