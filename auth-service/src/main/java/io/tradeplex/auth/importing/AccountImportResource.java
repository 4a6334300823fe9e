package io.tradeplex.auth.importing;

import io.smallrye.mutiny.Uni;
import io.tradeplex.kit.internal.ServiceSignature;
import io.tradeplex.kit.problem.ApiException;
import io.tradeplex.kit.problem.FieldError;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/**
 * Bulk creation of accounts for user-service's admin import. {@code @PermitAll} for end users' tokens: the kit's
 * {@code InternalCallFilter} admits only signed internal calls under {@code /internal/}, and the gateway routes none.
 * Answers 200 with a result per row even when every row failed.
 */
@Path("/internal/v1/accounts/import")
@PermitAll
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AccountImportResource {
    private final AccountImportService imports;
    private final ImportConfig config;

    public AccountImportResource(AccountImportService imports, ImportConfig config) {
        this.imports = imports;
        this.config = config;
    }

    /** @param caller already verified by the filter: the signature covers it */
    @POST
    public Uni<ImportResponse> importAccounts(@HeaderParam(ServiceSignature.CALLER_HEADER) String caller,
                                              @Valid @NotNull ImportRequest body) {
        if (!config.callers().contains(caller)) {
            throw new ApiException(403, "Forbidden", "IMPORT_CALLER_NOT_ALLOWED",
                    "This service may not import accounts", List.of());
        }
        if (body.rows().size() > config.maxRows()) {
            String message = "at most " + config.maxRows() + " rows per import; split the file";
            throw new ApiException(413, "Content Too Large", "TOO_MANY_ROWS", "rows: " + message,
                    List.of(new FieldError("rows", message)));
        }
        return imports.importRows(body.importedBy(), body.rows()).map(ImportResponse::new);
    }
}
