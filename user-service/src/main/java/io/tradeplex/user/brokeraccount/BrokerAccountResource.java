package io.tradeplex.user.brokeraccount;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.tradeplex.kit.problem.ApiException;
import io.tradeplex.kit.security.CurrentUser;
import io.tradeplex.user.profile.ProfileMapper;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.List;
import java.util.UUID;

/** The caller's own broker accounts. The owner is always the token's subject, never a path or body value. */
@Path(BrokerAccountResource.PATH)
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class BrokerAccountResource {
    public static final String PATH = "/api/v1/me/broker-accounts";

    private final BrokerAccountService accounts;
    private final CurrentUser currentUser;
    private final JsonWebToken token;

    public BrokerAccountResource(BrokerAccountService accounts, CurrentUser currentUser, JsonWebToken token) {
        this.accounts = accounts;
        this.currentUser = currentUser;
        this.token = token;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> create(@Valid @NotNull CreateBrokerAccountRequest body) {
        return accounts.create(ProfileMapper.fromToken(currentUser, token), body)
                .map(accountId -> Response.status(Response.Status.CREATED)
                        // Relative on purpose: clients reach this service through the gateway, not at its own address.
                        .header(HttpHeaders.LOCATION, PATH + "/" + accountId)
                        .entity(new BrokerAccountCreated(accountId))
                        .build());
    }

    @GET
    public Uni<List<BrokerAccountView>> list() {
        return accounts.list(currentUser.id());
    }

    @GET
    @Path("/{accountId}")
    public Uni<BrokerAccountView> get(@PathParam("accountId") String accountId) {
        return accounts.get(currentUser.id(), parse(accountId));
    }

    @DELETE
    @Path("/{accountId}")
    public Uni<Response> delete(@PathParam("accountId") String accountId) {
        return accounts.delete(currentUser.id(), parse(accountId)).map(ignored -> Response.noContent().build());
    }

    @PATCH
    @Path("/{accountId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<BrokerAccountView> update(@PathParam("accountId") String accountId,
                                         @Valid @NotNull UpdateBrokerAccountRequest body) {
        return accounts.update(currentUser.id(), parse(accountId), body);
    }

    @POST
    @Path("/{accountId}/activate")
    public Uni<BrokerAccountView> activate(@PathParam("accountId") String accountId) {
        return accounts.activate(currentUser.id(), parse(accountId));
    }

    /** The second half of Kite's login: the request_token Kite's redirect handed the user. */
    @POST
    @Path("/{accountId}/kite-session")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<BrokerAccountView> kiteSession(@PathParam("accountId") String accountId,
                                              @Valid @NotNull KiteSessionRequest body) {
        return accounts.startKiteSession(currentUser.id(), parse(accountId), body.requestToken());
    }

    /** A malformed id names no account of the caller's, so it is a 404 like any other unknown id. */
    private static UUID parse(String accountId) {
        try {
            return UUID.fromString(accountId);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("Broker account");
        }
    }
}
