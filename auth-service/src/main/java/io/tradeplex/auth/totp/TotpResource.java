package io.tradeplex.auth.totp;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.tradeplex.kit.security.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The caller's own TOTP second factor. */
@Path("/api/v1/me/totp")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class TotpResource {
    private final TotpService totp;
    private final CurrentUser currentUser;

    public TotpResource(TotpService totp, CurrentUser currentUser) {
        this.totp = totp;
        this.currentUser = currentUser;
    }

    /** {@code {secret, otpauthUri}} of a pending enrolment; TOTP is not required until it is confirmed. */
    @POST
    public Uni<Response> enrol() {
        return totp.enrol(currentUser.id()).map(TotpResource::noStore);
    }

    /** Enables TOTP and answers the ten recovery codes, the only time they are shown. */
    @POST
    @Path("/confirm")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> confirm(@Valid @NotNull TotpCodeRequest body) {
        return totp.confirm(currentUser.id(), body.code()).map(TotpResource::noStore);
    }

    @DELETE
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> disable(@Valid @NotNull TotpCodeRequest body) {
        return totp.disable(currentUser.id(), body.code()).map(ignored -> Response.noContent().build());
    }

    /** Secrets and recovery codes must not linger in any cache. */
    private static Response noStore(Object body) {
        CacheControl cache = new CacheControl();
        cache.setNoStore(true);
        cache.setNoTransform(false);
        return Response.ok(body).cacheControl(cache).build();
    }
}
