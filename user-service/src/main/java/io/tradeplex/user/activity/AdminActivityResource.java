package io.tradeplex.user.activity;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.tradeplex.kit.problem.ApiException;
import io.tradeplex.kit.security.CurrentUser;
import io.tradeplex.user.permission.Authorizer;
import io.tradeplex.user.permission.Permission;
import io.tradeplex.user.profile.ProfileMapper;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import java.util.UUID;

/**
 * Any user's activity, for reconstructing an incident. Needs system.manage_users, checked before anything else; every
 * read is recorded in the admin's log and in the user's, so a trader sees who looked at their activity.
 */
@Path("/api/v1/admin/users/{userId}/activity")
@Authenticated
@Tag(name = "Activity")
public class AdminActivityResource {
    static final String READ = "admin.activity.read";

    private final Authorizer authorizer;
    private final ActivityService activity;
    private final CurrentUser currentUser;
    private final JsonWebToken token;

    public AdminActivityResource(Authorizer authorizer, ActivityService activity, CurrentUser currentUser,
                                 JsonWebToken token) {
        this.authorizer = authorizer;
        this.activity = activity;
        this.currentUser = currentUser;
        this.token = token;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A user's activity, newest first (admin; the read is audited)")
    public Uni<ActivityPage> list(@RestPath String userId, @RestQuery String day, @RestQuery String kind,
                                  @RestQuery String accountId, @RestQuery String limit, @RestQuery String cursor) {
        UUID target = userIdOf(userId);
        String resource = "/api/v1/admin/users/" + target + "/activity";
        return authorizer.require(ProfileMapper.fromToken(currentUser, token), Permission.SYSTEM_MANAGE_USERS, READ, resource)
                .chain(admin -> activity.recordAdminRead(admin.id, target, resource))
                .chain(() -> activity.page(target, day, kind, accountId, limit, cursor));
    }

    @GET
    @Path("/{date}.log")
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "One UTC day of a user's activity as a text file (admin; the read is audited)")
    public Uni<Response> day(@RestPath String userId, @RestPath String date) {
        UUID target = userIdOf(userId);
        String resource = "/api/v1/admin/users/" + target + "/activity/" + date + ".log";
        return authorizer.require(ProfileMapper.fromToken(currentUser, token), Permission.SYSTEM_MANAGE_USERS, READ, resource)
                .chain(admin -> activity.recordAdminRead(admin.id, target, resource))
                .chain(() -> activity.dayLog(target, date));
    }

    private static UUID userIdOf(String userId) {
        try {
            return UUID.fromString(userId);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("User");
        }
    }
}
