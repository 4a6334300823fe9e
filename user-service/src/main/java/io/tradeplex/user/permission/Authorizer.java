package io.tradeplex.user.permission;

import io.tradeplex.kit.tenant.Tenant;
import io.smallrye.mutiny.Uni;
import io.tradeplex.kit.audit.AuditTrail;
import io.tradeplex.kit.problem.ApiException;
import io.tradeplex.user.profile.ProfileRepository.Identity;
import io.tradeplex.user.profile.ProfileService;
import io.tradeplex.user.profile.UserProfile;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides from the caller's effective permissions, read from this service's database at the moment of the request, so
 * an admin's grant or revocation counts at once rather than when the caller's token is next refreshed. Every denial
 * is audited in the caller's own activity log: who, what, and which permission was missing.
 */
@ApplicationScoped
public class Authorizer {
    public static final String PERMISSION_MISSING = "PERMISSION_MISSING";
    private static final Logger LOG = Logger.getLogger(Authorizer.class);

    private final ProfileService profiles;
    private final PermissionService permissions;
    private final AuditTrail audit;

    public Authorizer(ProfileService profiles, PermissionService permissions, AuditTrail audit) {
        this.profiles = profiles;
        this.permissions = permissions;
        this.audit = audit;
    }

    private record Decision(UserProfile caller, Set<Permission> granted) {
    }

    /**
     * Runs its own transactions: the check, then (on denial) the audit record, which must commit even though the
     * request fails. Call it before opening the transaction of the action it guards.
     */
    public Uni<UserProfile> require(Identity caller, Permission needed, String action, String resource) {
        return Tenant.transaction(caller.userId(), () -> profiles.ensure(caller)
                        .chain(profile -> permissions.effective(profile).map(granted -> new Decision(profile, granted))))
                .chain(decision -> {
                    if (decision.granted().contains(needed)) {
                        return Uni.createFrom().item(decision.caller());
                    }
                    LOG.infof("Denied %s on %s: missing %s", action, resource, needed.code());
                    return audit.record(audit.denied(caller.userId(), caller.userId(), action, PERMISSION_MISSING,
                                    resource, Map.of("permission", needed.code())))
                            .chain(() -> Uni.createFrom().failure(new ApiException(403, "Forbidden", PERMISSION_MISSING,
                                    "This needs the permission " + needed.code(), List.of())));
                });
    }
}
