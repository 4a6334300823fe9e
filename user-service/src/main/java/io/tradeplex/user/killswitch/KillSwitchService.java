package io.tradeplex.user.killswitch;

import io.smallrye.mutiny.Uni;
import io.tradeplex.contracts.Topics;
import io.tradeplex.contracts.controls.GlobalKillSwitch;
import io.tradeplex.kit.audit.AuditTrail;
import io.tradeplex.kit.outbox.Outbox;
import io.tradeplex.kit.problem.ApiException;
import io.tradeplex.kit.tenant.Tenant;
import io.tradeplex.user.profile.ProfileRepository;
import io.tradeplex.user.profile.ProfileRepository.Identity;
import io.tradeplex.user.profile.ProfileService;
import io.tradeplex.user.profile.UserProfile;
import io.tradeplex.user.state.UserStatePublisher;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Kill switches halt trading: a user's own (set by the user, an administrator, or the platform's daily-loss
 * protection) and the global one (administrators only). Triggering takes effect through the compacted users/controls
 * topics that order-service checks before every order. Resetting is always a deliberate act, never automatic: a user may
 * reset only a switch they set themself, everything else needs an administrator, and every change is audited.
 */
@ApplicationScoped
public class KillSwitchService {
    public static final String BY_USER = "user";
    public static final String BY_ADMIN = "admin";
    public static final String BY_SYSTEM = "system";
    public static final String KILL_SWITCH_LOCKED = "KILL_SWITCH_LOCKED";
    private static final String OWN = "/api/v1/me/kill-switch";
    private static final Logger LOG = Logger.getLogger(KillSwitchService.class);

    private final ProfileService profiles;
    private final ProfileRepository profileRepository;
    private final TradingControlRepository controls;
    private final UserStatePublisher statePublisher;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final GlobalKillSwitchGauge gauge;

    public KillSwitchService(ProfileService profiles, ProfileRepository profileRepository,
                             TradingControlRepository controls, UserStatePublisher statePublisher, Outbox outbox,
                             AuditTrail audit, GlobalKillSwitchGauge gauge) {
        this.gauge = gauge;
        this.profiles = profiles;
        this.profileRepository = profileRepository;
        this.controls = controls;
        this.statePublisher = statePublisher;
        this.outbox = outbox;
        this.audit = audit;
    }

    public Uni<KillSwitchView> ofUser(Identity caller) {
        return Tenant.transaction(caller.userId(), () -> profiles.ensure(caller)).map(KillSwitchService::view);
    }

    public Uni<KillSwitchView> triggerOwn(Identity caller, String reason) {
        return Tenant.transaction(caller.userId(), () -> profiles.ensure(caller)
                .chain(user -> trigger(user, BY_USER, caller.userId(), reason, OWN)));
    }

    /**
     * A user may lift only a switch they set; a refusal is audited in their log and commits although the request
     * fails, so it runs in a transaction of its own.
     */
    public Uni<KillSwitchView> resetOwn(Identity caller) {
        return Tenant.transaction(caller.userId(), () -> profiles.ensure(caller).chain(user -> {
                    if (user.killSwitchOn() && !BY_USER.equals(user.killSwitchBy)) {
                        return Uni.createFrom().item((KillSwitchView) null);
                    }
                    return reset(user, caller.userId(), null, OWN);
                }))
                .onItem().ifNull().switchTo(() -> audit.record(audit.denied(caller.userId(), caller.userId(),
                                "kill-switch.reset", KILL_SWITCH_LOCKED, OWN, Map.of()))
                        .chain(() -> Uni.createFrom().failure(new ApiException(403, "Forbidden", KILL_SWITCH_LOCKED,
                                "This kill switch was set by an administrator or by the platform (daily-loss protection,"
                                        + " repeated broker errors); only an administrator can reset it", List.of()))));
    }

    /** Must run inside {@code Tenant.transaction(target)}; the caller has checked the administrator's permission. */
    public Uni<UserProfile> triggerByAdmin(UserProfile target, UUID adminId, String reason) {
        return trigger(target, BY_ADMIN, adminId, reason, adminResource(target.id)).replaceWith(target);
    }

    /** Must run inside {@code Tenant.transaction(target)}. */
    public Uni<UserProfile> resetByAdmin(UserProfile target, UUID adminId, String reason) {
        return reset(target, adminId, reason, adminResource(target.id)).replaceWith(target);
    }

    /**
     * The platform's own trigger at another service's request (order-service after repeated broker errors), in a
     * transaction of its own. See {@link #triggerBySystem(UserProfile, String, String, Map)}.
     *
     * @param requestedBy the internal caller, for the audit trail
     */
    public Uni<KillSwitchView> triggerBySystem(UUID userId, String reason, String requestedBy) {
        return Tenant.transaction(userId, () -> profileRepository.findById(userId).chain(user -> user == null
                ? Uni.createFrom().failure(ApiException.notFound("User"))
                : triggerBySystem(user, reason, "/internal/v1/users/" + userId + "/kill-switch",
                Map.of("requestedBy", requestedBy))));
    }

    /**
     * The platform's own trigger (repeated broker errors, the daily-loss protection). A switch already on keeps its
     * original cause and is not audited again. Only an administrator can reset it. Must run inside
     * {@code Tenant.transaction(user)}, e.g. with the inbox entry of the event that caused it.
     *
     * @param resource what asked for it, for the audit trail
     * @param details  the cause's particulars, audited with the reason
     */
    public Uni<KillSwitchView> triggerBySystem(UserProfile user, String reason, String resource,
                                               Map<String, String> details) {
        return trigger(user, BY_SYSTEM, null, reason, resource, details);
    }

    /** The switch is not user data (no row-level security): any user's transaction reads it. */
    public Uni<GlobalKillSwitchView> global(UUID callerId) {
        return Tenant.transaction(callerId, () -> controls.findById(TradingControl.GLOBAL)).map(KillSwitchService::view);
    }

    /** The caller has checked the administrator's permission. Audited in the administrator's own log. */
    public Uni<GlobalKillSwitchView> setGlobal(UUID adminId, boolean active, String reason) {
        Instant now = now();
        return Tenant.transaction(adminId, () -> controls.findById(TradingControl.GLOBAL).chain(existing -> {
            TradingControl control = existing != null ? existing : new TradingControl();
            control.name = TradingControl.GLOBAL;
            control.active = active;
            control.reason = reason;
            control.actorId = adminId;
            control.changedAt = now;
            Map<String, String> details = reason == null ? Map.of() : Map.of("reason", reason);
            return (existing != null ? Uni.createFrom().item(control) : controls.persist(control))
                    .call(() -> outbox.add(Topics.CONTROLS, GlobalKillSwitch.KEY, GlobalKillSwitch.KEY,
                            new GlobalKillSwitch(GlobalKillSwitch.SCHEMA_VERSION, active, reason, adminId, now)))
                    .call(() -> audit.within(audit.allowed(adminId, adminId,
                            active ? "kill-switch.global.trigger" : "kill-switch.global.reset", "/api/v1/admin/kill-switch",
                            details)))
                    .invoke(() -> LOG.warnf("Global kill switch %s by %s: %s", active ? "ON" : "OFF", adminId, reason))
                    .map(KillSwitchService::view);
        })).invoke(committed -> gauge.set(committed.active()));
    }

    private Uni<KillSwitchView> trigger(UserProfile user, String by, UUID actor, String reason, String resource) {
        return trigger(user, by, actor, reason, resource, Map.of());
    }

    private Uni<KillSwitchView> trigger(UserProfile user, String by, UUID actor, String reason, String resource,
                                        Map<String, String> moreDetails) {
        if (user.killSwitchOn()) {
            return Uni.createFrom().item(view(user));
        }
        user.killSwitchReason = reason;
        user.killSwitchBy = by;
        user.killSwitchActor = actor;
        user.killSwitchAt = now();
        user.updatedAt = user.killSwitchAt;
        Map<String, String> details = new HashMap<>(moreDetails);
        details.put("reason", reason);
        details.put("triggeredBy", by);
        return audit.within(audit.allowed(user.id, actor == null ? user.id : actor, "kill-switch.trigger",
                        resource, details))
                .call(() -> statePublisher.publish(user))
                .invoke(() -> LOG.infof("Kill switch ON for %s by %s", user.id, by))
                .map(ignored -> view(user));
    }

    private Uni<KillSwitchView> reset(UserProfile user, UUID actor, String reason, String resource) {
        if (!user.killSwitchOn()) {
            return Uni.createFrom().item(view(user));
        }
        Map<String, String> details = new HashMap<>();
        details.put("previousReason", user.killSwitchReason);
        details.put("previouslyTriggeredBy", user.killSwitchBy);
        if (reason != null) {
            details.put("reason", reason);
        }
        user.killSwitchReason = null;
        user.killSwitchBy = null;
        user.killSwitchActor = null;
        user.killSwitchAt = null;
        user.updatedAt = now();
        return audit.within(audit.allowed(user.id, actor, "kill-switch.reset", resource, details))
                .call(() -> statePublisher.publish(user))
                .invoke(() -> LOG.infof("Kill switch OFF for %s by %s", user.id, actor))
                .map(ignored -> view(user));
    }

    private static String adminResource(UUID target) {
        return "/api/v1/admin/users/" + target + "/kill-switch";
    }

    public static KillSwitchView view(UserProfile user) {
        return user.killSwitchOn()
                ? new KillSwitchView(true, user.killSwitchReason, user.killSwitchBy, user.killSwitchActor, user.killSwitchAt,
                BY_USER.equals(user.killSwitchBy))
                : KillSwitchView.OFF;
    }

    private static GlobalKillSwitchView view(TradingControl control) {
        return control == null ? new GlobalKillSwitchView(false, null, null, null)
                : new GlobalKillSwitchView(control.active, control.reason, control.actorId, control.changedAt);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
