package io.tradeplex.user.activity;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.tradeplex.kit.security.CurrentUser;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** The caller's own activity log: what the platform did, allowed, denied or failed on their behalf. */
@Path("/api/v1/me/activity")
@Authenticated
@Tag(name = "Activity")
public class ActivityResource {
    private final ActivityService activity;
    private final CurrentUser currentUser;

    public ActivityResource(ActivityService activity, CurrentUser currentUser) {
        this.activity = activity;
        this.currentUser = currentUser;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "My activity, newest first",
            description = "Filters: day (YYYY-MM-DD, a UTC day), kind (auth, order, strategy, broker_account, admin…), "
                    + "accountId. limit 1-200 (default 50); pass nextCursor as cursor for the next page.")
    public Uni<ActivityPage> list(@RestQuery String day, @RestQuery String kind, @RestQuery String accountId,
                                  @RestQuery String limit, @RestQuery String cursor) {
        return activity.page(currentUser.id(), day, kind, accountId, limit, cursor);
    }

    @GET
    @Path("/{date}.log")
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "One UTC day of my activity as a text file, oldest first, one entry a line")
    public Uni<Response> day(@RestPath String date) {
        return activity.dayLog(currentUser.id(), date);
    }
}
