package io.tradeplex.user.brokeraccount;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.tradeplex.kit.problem.ApiException;
import io.tradeplex.kit.security.CurrentUser;
import io.tradeplex.user.permission.Authorizer;
import io.tradeplex.user.permission.Permission;
import io.tradeplex.user.profile.ProfileMapper;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.RestPath;

import java.util.UUID;

/**
 * The egress of one broker account: operators' infrastructure, so it needs {@code system:administer}. The permission
 * check comes first: a caller without it learns nothing about the user or the account.
 */
@Path("/api/v1/admin/users/{userId}/broker-accounts/{accountId}/egress")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AdminEgressResource {
    private final Authorizer authorizer;
    private final AccountEgressService egress;
    private final CurrentUser currentUser;
    private final JsonWebToken token;

    public AdminEgressResource(Authorizer authorizer, AccountEgressService egress, CurrentUser currentUser,
                               JsonWebToken token) {
        this.authorizer = authorizer;
        this.egress = egress;
        this.currentUser = currentUser;
        this.token = token;
    }

    @GET
    public Uni<EgressView> get(@RestPath String userId, @RestPath String accountId) {
        UUID user = id(userId, "User");
        UUID account = id(accountId, "Broker account");
        return admin("admin.broker-account.egress.read", user, account)
                .chain(admin -> egress.get(user, account));
    }

    @PUT
    public Uni<EgressView> pin(@RestPath String userId, @RestPath String accountId,
                               @Valid @NotNull EgressRequest request) {
        UUID user = id(userId, "User");
        UUID account = id(accountId, "Broker account");
        return admin("admin.broker-account.egress.set", user, account)
                .chain(admin -> egress.pin(admin.id, user, account, request));
    }

    @DELETE
    @Consumes(MediaType.WILDCARD)
    public Uni<EgressView> clear(@RestPath String userId, @RestPath String accountId) {
        UUID user = id(userId, "User");
        UUID account = id(accountId, "Broker account");
        return admin("admin.broker-account.egress.clear", user, account)
                .chain(admin -> egress.clear(admin.id, user, account));
    }

    private Uni<io.tradeplex.user.profile.UserProfile> admin(String action, UUID user, UUID account) {
        return authorizer.require(ProfileMapper.fromToken(currentUser, token), Permission.SYSTEM_ADMINISTER, action,
                AccountEgressService.resource(user, account));
    }

    private static UUID id(String value, String what) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound(what);
        }
    }
}
