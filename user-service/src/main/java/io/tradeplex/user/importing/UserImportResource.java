package io.tradeplex.user.importing;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.tradeplex.kit.problem.ApiException;
import io.tradeplex.kit.security.CurrentUser;
import io.tradeplex.user.permission.Authorizer;
import io.tradeplex.user.permission.Permission;
import io.tradeplex.user.profile.ProfileMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestPath;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Bulk onboarding from CSV ({@code text/csv}, header row: {@code email,displayName,roles,tier,maxPositionSizeUsd,
 * maxDailyLossUsd,maxOpenPositions,allowedSymbols,tradeOnly}; lists separated by {@code ;}) or JSON (an array of
 * objects with the same names). A file that cannot be read is refused at once (400); otherwise the import runs in the
 * background: 202 with its id, and {@code GET .../import/{importId}} gives a report per row once it is done. Valid
 * rows land even when others fail.
 */
@Path(UserImportResource.PATH)
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class UserImportResource {
    static final String PATH = "/api/v1/admin/users/import";

    private final ImportJobs jobs;
    private final Authorizer authorizer;
    private final ObjectMapper mapper;
    private final CurrentUser currentUser;
    private final JsonWebToken token;

    public UserImportResource(ImportJobs jobs, Authorizer authorizer, ObjectMapper mapper, CurrentUser currentUser,
                              JsonWebToken token) {
        this.jobs = jobs;
        this.authorizer = authorizer;
        this.mapper = mapper;
        this.currentUser = currentUser;
        this.token = token;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> importJson(String body) {
        return start(() -> ImportParser.json(body, mapper), "json");
    }

    @POST
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    public Uni<Response> importCsv(String body) {
        return start(() -> ImportParser.csv(body), "csv");
    }

    @GET
    @Path("/{importId}")
    public Uni<ImportJobView> get(@RestPath String importId) {
        UUID id;
        try {
            id = UUID.fromString(importId);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("Import");
        }
        return authorizer.require(ProfileMapper.fromToken(currentUser, token), Permission.SYSTEM_MANAGE_USERS,
                        "admin.users.import.read", PATH + "/" + id)
                .chain(admin -> jobs.get(admin.id, id));
    }

    private Uni<Response> start(Supplier<List<ImportRow>> parse, String format) {
        return authorizer.require(ProfileMapper.fromToken(currentUser, token), Permission.SYSTEM_MANAGE_USERS,
                        "admin.users.import", PATH)
                .chain(admin -> jobs.start(admin.id, format, parse.get()))
                .map(job -> Response.accepted(job).header(HttpHeaders.LOCATION, PATH + "/" + job.importId()).build());
    }
}
