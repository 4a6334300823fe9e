package io.tradeplex.user.brokers.binance;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

/** Binance Spot REST, the calls user-service makes. */
@Path("/api/v3")
public interface BinanceApi {
    String API_KEY_HEADER = "X-MBX-APIKEY";

    /**
     * The parameters are sent in this order, which is the order {@link BinanceSigner#accountQuery} signs: Binance
     * verifies the signature over the query string exactly as it arrives.
     */
    @GET
    @Path("/account")
    Uni<Response> account(@QueryParam("timestamp") long timestamp, @QueryParam("recvWindow") long recvWindow,
                          @QueryParam("signature") String signature, @HeaderParam(API_KEY_HEADER) String apiKey);
}
