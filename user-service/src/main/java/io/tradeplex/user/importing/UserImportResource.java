package io.tradeplex.user.importing;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.tradeplex.kit.audit.AuditTrail;
import io.tradeplex.kit.security.CurrentUser;
import io.tradeplex.user.permission.Authorizer;
import io.tradeplex.user.permission.Permission;
import io.tradeplex.user.profile.ProfileMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.List;
import java.util.Map;

/**
 * Bulk onboarding from CSV ({@code text/csv}, header row: {@code email,displayName,roles,tier,maxPositionSizeUsd,
 * maxDailyLossUsd,maxOpenPositions,allowedSymbols,tradeOnly}; lists separated by {@code ;}) or JSON (an array of
 * objects with the same names). Answers 200 with a report per row; valid rows land even when others fail.
 */
@Path(UserImportResource.PATH)
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class UserImportResource {
    static final String PATH = "/api/v1/admin/users/import";

    private final UserImportService imports;
    private final Authorizer authorizer;
    private final AuditTrail audit;
    private final ObjectMapper mapper;
    private final CurrentUser currentUser;
    private final JsonWebToken token;

    public UserImportResource(UserImportService imports, Authorizer authorizer, AuditTrail audit, ObjectMapper mapper,
                              CurrentUser currentUser, JsonWebToken token) {
        this.imports = imports;
        this.authorizer = authorizer;
        this.audit = audit;
        this.mapper = mapper;
        this.currentUser = currentUser;
        this.token = token;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<ImportReport> importJson(String body) {
        return run(() -> ImportParser.json(body, mapper), "json");
    }

    @POST
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    public Uni<ImportReport> importCsv(String body) {
        return run(() -> ImportParser.csv(body), "csv");
    }

    private Uni<ImportReport> run(java.util.function.Supplier<List<ImportRow>> parse, String format) {
        return authorizer.require(ProfileMapper.fromToken(currentUser, token), Permission.SYSTEM_MANAGE_USERS,
                        "admin.users.import", PATH)
                .chain(admin -> imports.importUsers(admin.id, parse.get())
                        .call(report -> audit.record(audit.allowed(admin.id, admin.id, "admin.users.import", PATH,
                                Map.of("format", format, "total", Integer.toString(report.total()),
                                        "created", Integer.toString(report.created()),
                                        "failed", Integer.toString(report.failed()))))));
    }
}
