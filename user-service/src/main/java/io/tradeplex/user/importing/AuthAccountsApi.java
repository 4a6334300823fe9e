package io.tradeplex.user.importing;

import io.smallrye.mutiny.Uni;
import io.tradeplex.contracts.auth.UserRegistered;
import io.tradeplex.kit.internal.SignedInternalCalls;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;
import java.util.UUID;

/** auth-service's internal account import, called as this service (signed), never with a user's token. */
@RegisterRestClient(configKey = "auth-service")
@RegisterProvider(SignedInternalCalls.class)
@Path("/internal/v1/accounts")
public interface AuthAccountsApi {

    @POST
    @Path("/import")
    Uni<Results> importAccounts(Request request);

    record Request(UUID importedBy, List<Row> rows) {
    }

    record Row(int row, String email, String displayName, List<String> roles, UserRegistered.Onboarding onboarding) {
    }

    record Results(List<Result> results) {
    }

    /** @param status {@code CREATED} or {@code FAILED} */
    record Result(int row, String status, UUID userId, String code, String field, String detail) {
    }
}
