package io.tradeplex.user.admin;

import io.smallrye.mutiny.Uni;
import io.tradeplex.kit.audit.AuditTrail;
import io.tradeplex.kit.problem.ApiException;
import io.tradeplex.kit.tenant.Tenant;
import io.tradeplex.user.brokeraccount.BrokerAccountRepository;
import io.tradeplex.user.killswitch.KillSwitchService;
import io.tradeplex.user.limits.LimitOverrides;
import io.tradeplex.user.limits.LimitOverridesRequest;
import io.tradeplex.user.profile.ProfileRepository;
import io.tradeplex.user.profile.UserProfile;
import io.tradeplex.user.state.UserStatePublisher;
import io.tradeplex.user.vault.CredentialVault;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * An administrator's changes to one user. Each runs as that user ({@code Tenant.transaction(target)}), changes the
 * row, records the change in the user's and the administrator's activity logs, and publishes the user's new state —
 * all in one transaction, so order-service sees the change exactly when it is committed. The caller has already
 * checked the administrator's permission.
 */
@ApplicationScoped
public class UserAdministration {
    private static final Logger LOG = Logger.getLogger(UserAdministration.class);

    private final ProfileRepository profiles;
    private final BrokerAccountRepository accounts;
    private final KillSwitchService killSwitches;
    private final CredentialVault vault;
    private final UserStatePublisher statePublisher;
    private final AuditTrail audit;

    public UserAdministration(ProfileRepository profiles, BrokerAccountRepository accounts,
                              KillSwitchService killSwitches, CredentialVault vault, UserStatePublisher statePublisher,
                              AuditTrail audit) {
        this.profiles = profiles;
        this.accounts = accounts;
        this.killSwitches = killSwitches;
        this.vault = vault;
        this.statePublisher = statePublisher;
        this.audit = audit;
    }

    public Uni<UserProfile> setTier(UUID adminId, UUID target, String tier, String reason) {
        return change(adminId, target, "admin.user.tier", "/tier", details(reason, "tier", tier), user -> {
            refuseIfDeleted(user);
            user.tier = tier;
            return Uni.createFrom().voidItem();
        });
    }

    public Uni<UserProfile> setLimits(UUID adminId, UUID target, LimitOverridesRequest request) {
        return change(adminId, target, "admin.user.limits", "/limits", details(null, "limits", describe(request)), user -> {
            refuseIfDeleted(user);
            LimitOverrides.apply(user, request);
            return Uni.createFrom().voidItem();
        });
    }

    public Uni<UserProfile> setEnabled(UUID adminId, UUID target, boolean enabled, String reason) {
        return change(adminId, target, enabled ? "admin.user.enable" : "admin.user.disable",
                enabled ? "/enable" : "/disable", details(reason, null, null), user -> {
                    refuseIfDeleted(user);
                    user.status = enabled ? UserProfile.STATUS_ACTIVE : UserProfile.STATUS_DISABLED;
                    return Uni.createFrom().voidItem();
                });
    }

    public Uni<UserProfile> triggerKillSwitch(UUID adminId, UUID target, String reason) {
        return change(adminId, target, "admin.kill-switch.trigger", "/kill-switch", details(reason, null, null),
                user -> killSwitches.triggerByAdmin(user, adminId, reason).replaceWithVoid());
    }

    public Uni<UserProfile> resetKillSwitch(UUID adminId, UUID target, String reason) {
        return change(adminId, target, "admin.kill-switch.reset", "/kill-switch", details(reason, null, null),
                user -> killSwitches.resetByAdmin(user, adminId, reason).replaceWithVoid());
    }

    /**
     * Soft delete: the user can no longer trade or log in (auth-service revokes their sessions on the published
     * state), order-service cancels their open orders, their broker accounts are closed and their secrets destroyed;
     * the row and the trade history stay for the record.
     */
    public Uni<UserProfile> delete(UUID adminId, UUID target, String reason) {
        return change(adminId, target, "admin.user.delete", "", details(reason, null, null), user -> {
            if (UserProfile.STATUS_DELETED.equals(user.status)) {
                return Uni.createFrom().voidItem();
            }
            user.status = UserProfile.STATUS_DELETED;
            user.deletedAt = now();
            user.activeAccountId = null;
            return accounts.closeAll(target)
                    .chain(closed -> vault.shredAll(target).invoke(shredded -> LOG.infof(
                            "User %s deleted: %d broker accounts closed, %d secrets shredded", target, closed, shredded)))
                    .replaceWithVoid();
        });
    }

    private Uni<UserProfile> change(UUID adminId, UUID target, String action, String resourceSuffix,
                                    Map<String, String> details, Function<UserProfile, Uni<Void>> mutation) {
        String resource = "/api/v1/admin/users/" + target + resourceSuffix;
        return Tenant.transaction(target, () -> profiles.findById(target)
                .onItem().ifNull().failWith(() -> ApiException.notFound("User"))
                .call(user -> mutation.apply(user))
                .invoke(user -> user.updatedAt = now())
                .call(user -> audit.within(audit.allowed(target, adminId, action, resource, details)))
                .call(user -> target.equals(adminId) ? Uni.createFrom().voidItem()
                        : audit.within(audit.allowed(adminId, adminId, action, resource, details)))
                .call(statePublisher::publish));
    }

    private static void refuseIfDeleted(UserProfile user) {
        if (UserProfile.STATUS_DELETED.equals(user.status)) {
            throw ApiException.conflict("USER_DELETED", "This user was deleted");
        }
    }

    private static Map<String, String> details(String reason, String key, String value) {
        Map<String, String> details = new HashMap<>();
        if (reason != null) {
            details.put("reason", reason);
        }
        if (key != null && value != null) {
            details.put(key, value);
        }
        return details;
    }

    private static String describe(LimitOverridesRequest request) {
        return "maxPositionSizeUsd=" + request.maxPositionSizeUsd() + ", maxOrderSizeUsd=" + request.maxOrderSizeUsd()
                + ", maxDailyLossUsd=" + request.maxDailyLossUsd() + ", maxOpenPositions=" + request.maxOpenPositions()
                + ", allowedSymbols=" + request.allowedSymbols() + ", tradingHours=" + request.tradingHours()
                + ", tradeOnly=" + request.tradeOnly();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
