package io.tradeplex.user.settings;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.tradeplex.kit.audit.AuditTrail;
import io.tradeplex.kit.security.CurrentUser;
import io.tradeplex.kit.tenant.Tenant;
import io.tradeplex.user.permission.Authorizer;
import io.tradeplex.user.permission.Permission;
import io.tradeplex.user.profile.ProfileMapper;
import io.tradeplex.user.profile.ProfileRepository;
import io.tradeplex.user.state.UserStatePublisher;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

/** The caller's trading preferences: defaults that strategies and notifications start from. */
@Path(SettingsResource.PATH)
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class SettingsResource {
    static final String PATH = "/api/v1/me/settings";

    private final SettingsRepository settings;
    private final ProfileRepository profiles;
    private final UserStatePublisher statePublisher;
    private final Authorizer authorizer;
    private final AuditTrail audit;
    private final CurrentUser currentUser;
    private final JsonWebToken token;

    public SettingsResource(SettingsRepository settings, ProfileRepository profiles, UserStatePublisher statePublisher,
                            Authorizer authorizer, AuditTrail audit, CurrentUser currentUser, JsonWebToken token) {
        this.settings = settings;
        this.profiles = profiles;
        this.statePublisher = statePublisher;
        this.authorizer = authorizer;
        this.audit = audit;
        this.currentUser = currentUser;
        this.token = token;
    }

    @GET
    public Uni<SettingsView> get() {
        UUID userId = currentUser.id();
        return Tenant.transaction(userId, () -> settings.findById(userId)).map(SettingsView::of);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<SettingsView> put(@Valid @NotNull SettingsRequest request) {
        var caller = ProfileMapper.fromToken(currentUser, token);
        return authorizer.require(caller, Permission.SYSTEM_CHANGE_SETTINGS, "settings.update", PATH)
                .chain(user -> Tenant.transaction(user.id, () -> settings.findById(user.id).chain(existing -> {
                    UserSettings row = existing != null ? existing : new UserSettings();
                    String zoneBefore = existing != null ? existing.timeZone : SettingsView.DEFAULTS.timeZone();
                    row.userId = user.id;
                    row.riskLevel = request.riskLevel();
                    row.stopLossPct = request.stopLossPct();
                    row.takeProfitPct = request.takeProfitPct();
                    row.trailingStopPct = request.trailingStopPct();
                    row.timeZone = request.timeZone() == null ? SettingsView.DEFAULTS.timeZone()
                            : ZoneId.of(request.timeZone()).getId();
                    row.notifyEmail = request.notifications().email();
                    row.notifyFills = request.notifications().orderFills();
                    row.notifyRiskAlerts = request.notifications().riskAlerts();
                    row.notifyDailySummary = request.notifications().dailySummary();
                    row.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
                    return (existing != null ? Uni.createFrom().item(row) : settings.persist(row))
                            .call(() -> audit.within(audit.allowed(user.id, user.id, "settings.update", PATH,
                                    Map.of("riskLevel", row.riskLevel, "timeZone", row.timeZone))))
                            // Order-service and portfolio-service count the user's trading day in this zone.
                            .call(() -> row.timeZone.equals(zoneBefore) ? Uni.createFrom().voidItem()
                                    : profiles.findById(user.id).chain(statePublisher::publish))
                            .map(SettingsView::of);
                })));
    }
}
