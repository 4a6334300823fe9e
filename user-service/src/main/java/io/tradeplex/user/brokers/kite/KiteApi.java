package io.tradeplex.user.brokers.kite;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Kite Connect v3, the calls user-service makes. */
public interface KiteApi {
    String VERSION_HEADER = "X-Kite-Version";
    String VERSION = "3";

    /** Exchanges the login redirect's request_token for the day's access token. */
    @POST
    @Path("/session/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    Uni<Response> createSession(@HeaderParam(VERSION_HEADER) String version, @FormParam("api_key") String apiKey,
                                @FormParam("request_token") String requestToken, @FormParam("checksum") String checksum);
}
