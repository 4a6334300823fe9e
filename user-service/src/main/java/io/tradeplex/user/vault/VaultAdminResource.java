package io.tradeplex.user.vault;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.tradeplex.kit.audit.AuditTrail;
import io.tradeplex.kit.security.CurrentUser;
import io.tradeplex.kit.tenant.Tenant;
import io.tradeplex.user.permission.Authorizer;
import io.tradeplex.user.permission.Permission;
import io.tradeplex.user.profile.ProfileMapper;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Map;

/**
 * Operating the credential vault. Rotating master keys: add the new key to the keyring file, make it active
 * ({@code tradeplex.vault.active-key-id}) on every instance, call rotate-keys, then remove the old key.
 */
@Path("/api/v1/admin/vault")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class VaultAdminResource {
    private static final String ROTATE = "/api/v1/admin/vault/rotate-keys";
    private static final String ACTION = "admin.vault.rotate-keys";

    private final Authorizer authorizer;
    private final KeyRotation rotation;
    private final AuditTrail audit;
    private final CurrentUser currentUser;
    private final JsonWebToken token;

    public VaultAdminResource(Authorizer authorizer, KeyRotation rotation, AuditTrail audit, CurrentUser currentUser,
                              JsonWebToken token) {
        this.authorizer = authorizer;
        this.rotation = rotation;
        this.audit = audit;
        this.currentUser = currentUser;
        this.token = token;
    }

    @POST
    @Path("/rotate-keys")
    public Uni<KeyRotation.Result> rotateKeys() {
        return authorizer.require(ProfileMapper.fromToken(currentUser, token), Permission.SYSTEM_ADMINISTER, ACTION, ROTATE)
                .chain(admin -> rotation.rotate()
                        .call(result -> Tenant.transaction(admin.id, () -> audit.within(audit.allowed(admin.id, admin.id,
                                ACTION, ROTATE, Map.of("activeKeyId", result.activeKeyId(),
                                        "rewrapped", Long.toString(result.rewrapped()),
                                        "alreadyCurrent", Long.toString(result.alreadyCurrent())))))));
    }
}
