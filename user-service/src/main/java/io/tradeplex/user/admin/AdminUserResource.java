package io.tradeplex.user.admin;

import io.tradeplex.kit.tenant.Tenant;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.tradeplex.kit.audit.AuditTrail;
import io.tradeplex.kit.problem.ApiException;
import io.tradeplex.kit.security.CurrentUser;
import io.tradeplex.kit.web.QueryParams;
import io.tradeplex.user.permission.Authorizer;
import io.tradeplex.user.permission.Permission;
import io.tradeplex.user.permission.PermissionOverride;
import io.tradeplex.user.permission.PermissionService;
import io.tradeplex.user.profile.ProfileMapper;
import io.tradeplex.user.profile.ProfileRepository;
import io.tradeplex.user.profile.UserProfile;
import io.tradeplex.user.state.UserStatePublisher;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.validation.constraints.NotNull;
import io.tradeplex.user.killswitch.KillSwitchRequest;
import io.tradeplex.user.killswitch.TradingControlRepository;
import io.tradeplex.user.limits.LimitOverridesRequest;
import io.tradeplex.user.limits.LimitsMapper;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * User administration. The permission check comes before anything else, so a caller without it learns nothing —
 * not even whether a user id exists.
 */
@Path("/api/v1/admin/users")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AdminUserResource {
    private static final int MAX_PAGE_SIZE = 200;

    private final Authorizer authorizer;
    private final UserAdministration administration;
    private final TradingControlRepository controls;
    private final ProfileRepository profiles;
    private final PermissionService permissions;
    private final UserStatePublisher statePublisher;
    private final AuditTrail audit;
    private final CurrentUser currentUser;
    private final JsonWebToken token;

    public AdminUserResource(Authorizer authorizer, UserAdministration administration, TradingControlRepository controls,
                             ProfileRepository profiles, PermissionService permissions,
                             UserStatePublisher statePublisher, AuditTrail audit, CurrentUser currentUser,
                             JsonWebToken token) {
        this.authorizer = authorizer;
        this.administration = administration;
        this.controls = controls;
        this.profiles = profiles;
        this.permissions = permissions;
        this.statePublisher = statePublisher;
        this.audit = audit;
        this.currentUser = currentUser;
        this.token = token;
    }

    @GET
    public Uni<List<AdminUserView>> list(@RestQuery String query, @RestQuery String page, @RestQuery String size) {
        int pageIndex = QueryParams.integer("page", page, 0, 0, Integer.MAX_VALUE);
        int pageSize = QueryParams.integer("size", size, 50, 1, MAX_PAGE_SIZE);
        return authorizer.require(caller(), Permission.SYSTEM_MANAGE_USERS, "admin.users.list", "/api/v1/admin/users")
                .chain(admin -> Tenant.systemTransaction("an administrator lists users", () ->
                        audit.within(audit.allowed(admin.id, admin.id, "admin.users.list", "/api/v1/admin/users", Map.of()))
                                .chain(() -> search(query, pageIndex, pageSize))
                                .chain(found -> io.smallrye.mutiny.Multi.createFrom().iterable(found)
                                        .onItem().transformToUniAndConcatenate(this::view)
                                        .collect().asList())));
    }

    @GET
    @Path("/{userId}")
    public Uni<AdminUserView> get(@RestPath String userId) {
        UUID target = userIdOf(userId);
        return authorizer.require(caller(), Permission.SYSTEM_MANAGE_USERS, "admin.users.read", "/api/v1/admin/users/" + target)
                .chain(admin -> Tenant.systemTransaction("an administrator reads a user", () ->
                        audit.within(audit.allowed(admin.id, admin.id, "admin.users.read", "/api/v1/admin/users/" + target,
                                        Map.of("userId", target.toString())))
                                .chain(() -> existing(target)).chain(this::view)));
    }

    @PUT
    @Path("/{userId}/permissions/{permission}")
    public Uni<AdminUserView> grant(@RestPath String userId, @RestPath String permission,
                                    @Valid AdminActionRequest request) {
        return change(userId, permission, PermissionOverride.Effect.GRANT, request);
    }

    @DELETE
    @Path("/{userId}/permissions/{permission}")
    public Uni<AdminUserView> revoke(@RestPath String userId, @RestPath String permission,
                                     @Valid AdminActionRequest request) {
        return change(userId, permission, PermissionOverride.Effect.REVOKE, request);
    }

    private Uni<AdminUserView> change(String userId, String permissionCode, PermissionOverride.Effect effect,
                                      AdminActionRequest request) {
        UUID target = userIdOf(userId);
        String action = effect == PermissionOverride.Effect.GRANT ? "admin.permission.grant" : "admin.permission.revoke";
        String resource = "/api/v1/admin/users/" + target + "/permissions/" + permissionCode;
        String reason = request == null ? null : request.reason();
        return authorizer.require(caller(), Permission.SYSTEM_MANAGE_USERS, action, resource)
                .chain(admin -> {
                    Permission permission = Permission.ofCode(permissionCode).orElseThrow(() ->
                            ApiException.invalid("permission", "is not a known permission"));
                    Map<String, String> details = reason == null
                            ? Map.of("permission", permission.code())
                            : Map.of("permission", permission.code(), "reason", reason);
                    return Tenant.transaction(target, () -> existing(target)
                            .call(user -> permissions.override(target, permission, effect, admin.id, reason, Instant.now()))
                            .call(user -> audit.within(audit.allowed(target, admin.id, action, resource, details)))
                            .call(user -> target.equals(admin.id) ? Uni.createFrom().voidItem()
                                    : audit.within(audit.allowed(admin.id, admin.id, action, resource, details)))
                            .call(statePublisher::publish)
                            .chain(this::view));
                });
    }

    private Uni<List<UserProfile>> search(String query, int page, int size) {
        Sort byCreation = Sort.descending("createdAt").and("id");
        if (query == null || query.isBlank()) {
            return profiles.findAll(byCreation).page(Page.of(page, size)).list();
        }
        String pattern = "%" + query.trim().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_") + "%";
        return profiles.find("lower(email) like ?1 or lower(displayName) like ?1", byCreation, pattern)
                .page(Page.of(page, size)).list();
    }

    private Uni<UserProfile> existing(UUID userId) {
        return profiles.findById(userId).onItem().ifNull().failWith(() -> ApiException.notFound("User"));
    }

    @PUT
    @Path("/{userId}/tier")
    public Uni<AdminUserView> setTier(@RestPath String userId, @Valid @NotNull TierChangeRequest request) {
        UUID target = userIdOf(userId);
        return admin("admin.user.tier", target, "/tier")
                .chain(admin -> administration.setTier(admin.id, target, request.tier(), request.reason()))
                .chain(this::viewOf);
    }

    @PUT
    @Path("/{userId}/limits")
    public Uni<AdminUserView> setLimits(@RestPath String userId, @Valid @NotNull LimitOverridesRequest request) {
        UUID target = userIdOf(userId);
        return admin("admin.user.limits", target, "/limits")
                .chain(admin -> administration.setLimits(admin.id, target, request))
                .chain(this::viewOf);
    }

    /** Takes no body; an optional {@code ?reason=} goes to the audit trail. */
    @POST
    @Path("/{userId}/disable")
    @Consumes(MediaType.WILDCARD)
    public Uni<AdminUserView> disable(@RestPath String userId, @RestQuery String reason) {
        return setEnabled(userId, false, reason);
    }

    /** Takes no body; an optional {@code ?reason=} goes to the audit trail. */
    @POST
    @Path("/{userId}/enable")
    @Consumes(MediaType.WILDCARD)
    public Uni<AdminUserView> enable(@RestPath String userId, @RestQuery String reason) {
        return setEnabled(userId, true, reason);
    }

    private Uni<AdminUserView> setEnabled(String userId, boolean enabled, String reason) {
        UUID target = userIdOf(userId);
        String action = enabled ? "enable" : "disable";
        return admin("admin.user." + action, target, "/" + action)
                .chain(admin -> administration.setEnabled(admin.id, target, enabled, reasonParam(reason)))
                .chain(this::viewOf);
    }

    @POST
    @Path("/{userId}/kill-switch")
    public Uni<AdminUserView> triggerKillSwitch(@RestPath String userId, @Valid @NotNull KillSwitchRequest request) {
        UUID target = userIdOf(userId);
        return admin("admin.kill-switch.trigger", target, "/kill-switch")
                .chain(admin -> administration.triggerKillSwitch(admin.id, target, request.reason()))
                .chain(this::viewOf);
    }

    /** The reset of a user's kill switch is always an administrator's deliberate act; nothing resets one by itself. */
    @DELETE
    @Path("/{userId}/kill-switch")
    public Uni<AdminUserView> resetKillSwitch(@RestPath String userId, @Valid AdminActionRequest request) {
        UUID target = userIdOf(userId);
        return admin("admin.kill-switch.reset", target, "/kill-switch")
                .chain(admin -> administration.resetKillSwitch(admin.id, target, reasonOf(request)))
                .chain(this::viewOf);
    }

    @DELETE
    @Path("/{userId}")
    public Uni<AdminUserView> delete(@RestPath String userId, @Valid AdminActionRequest request) {
        UUID target = userIdOf(userId);
        return admin("admin.user.delete", target, "")
                .chain(admin -> administration.delete(admin.id, target, reasonOf(request)))
                .chain(this::viewOf);
    }

    private Uni<UserProfile> admin(String action, UUID target, String resourceSuffix) {
        return authorizer.require(caller(), Permission.SYSTEM_MANAGE_USERS, action,
                "/api/v1/admin/users/" + target + resourceSuffix);
    }

    /** The view after a change, read in a transaction of its own (the change's has committed). */
    private Uni<AdminUserView> viewOf(UserProfile changed) {
        return Tenant.transaction(changed.id, () -> existing(changed.id).chain(this::view));
    }

    private static String reasonParam(String reason) {
        if (reason != null && (reason.length() > 500 || reason.chars().anyMatch(Character::isISOControl))) {
            throw ApiException.invalid("reason", "must be at most 500 characters without control characters");
        }
        return reason == null || reason.isBlank() ? null : reason.strip();
    }

    private static String reasonOf(AdminActionRequest request) {
        return request == null ? null : request.reason();
    }

    private Uni<AdminUserView> view(UserProfile user) {
        return permissions.effective(user).chain(granted -> controls.globalKillSwitchOn().map(global ->
                new AdminUserView(user.id, user.email, user.displayName, user.tier, user.status, user.emailVerified,
                        List.copyOf(user.roles), PermissionService.codes(granted), user.createdAt,
                        LimitsMapper.toView(user, granted, global), user.deletedAt)));
    }

    private ProfileRepository.Identity caller() {
        return ProfileMapper.fromToken(currentUser, token);
    }

    private static UUID userIdOf(String userId) {
        try {
            return UUID.fromString(userId);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("User");
        }
    }
}
