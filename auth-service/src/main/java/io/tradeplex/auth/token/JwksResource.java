package io.tradeplex.auth.token;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("/api/v1/auth/jwks")
public class JwksResource {
    private static final int CACHE_SECONDS = 300;
    private final SigningKeys keys;

    public JwksResource(SigningKeys keys) {
        this.keys = keys;
    }

    /** Public by nature; a short cache lifetime lets a key rotation reach verifiers within minutes. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response jwks() {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(CACHE_SECONDS);
        return Response.ok(new JwkSet(keys.jwks())).cacheControl(cache).build();
    }
}
