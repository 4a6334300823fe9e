package io.tradeplex.user.state;

import io.smallrye.mutiny.Uni;
import io.tradeplex.contracts.Topics;
import io.tradeplex.contracts.users.UserState;
import io.tradeplex.kit.outbox.Outbox;
import io.tradeplex.user.brokeraccount.BrokerAccount;
import io.tradeplex.user.brokeraccount.BrokerAccountRepository;
import io.tradeplex.user.limits.EffectiveLimits;
import io.tradeplex.user.permission.PermissionService;
import io.tradeplex.user.profile.UserProfile;
import io.tradeplex.user.settings.SettingsRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;

/**
 * Publishes the user's whole current state on the compacted {@code tradeplex.users.v1} after every change, in the
 * change's transaction: readers (the gateway's rate limits, order-service's risk checks) keep the latest record per
 * user, so each record is complete — limits, kill switch and accounts included — and never a delta.
 */
@ApplicationScoped
public class UserStatePublisher {
    private final PermissionService permissions;
    private final BrokerAccountRepository accounts;
    private final SettingsRepository settings;
    private final Outbox outbox;

    public UserStatePublisher(PermissionService permissions, BrokerAccountRepository accounts,
                              SettingsRepository settings, Outbox outbox) {
        this.permissions = permissions;
        this.accounts = accounts;
        this.settings = settings;
        this.outbox = outbox;
    }

    /** Must run inside the transaction of the change. */
    public Uni<Void> publish(UserProfile profile) {
        return permissions.effective(profile).chain(granted -> accounts.listOwned(profile.id).chain(owned ->
                settings.timeZoneOf(profile.id).chain(timeZone -> {
                    EffectiveLimits limits = EffectiveLimits.of(profile);
                    UserState state = new UserState(UserState.SCHEMA_VERSION, profile.id, profile.email, profile.tier,
                            profile.status, profile.emailVerified, List.copyOf(profile.roles),
                            PermissionService.codes(granted), Instant.now(), profile.tradeOnly, limits.toEvent(),
                            killSwitch(profile), profile.activeAccountId,
                            owned.stream().map(account -> account(account, limits)).toList(), timeZone);
                    return outbox.add(Topics.USERS, profile.id.toString(), profile.id.toString(), state);
                }))).replaceWithVoid();
    }

    private static UserState.KillSwitch killSwitch(UserProfile profile) {
        return profile.killSwitchOn()
                ? new UserState.KillSwitch(profile.killSwitchReason, profile.killSwitchBy, profile.killSwitchActor,
                profile.killSwitchAt)
                : null;
    }

    private static UserState.Account account(BrokerAccount account, EffectiveLimits userLimits) {
        return new UserState.Account(account.id, account.broker, account.status, account.capitalUsd,
                account.sessionExpiresAt, userLimits.forAccount(account.maxPositionSizeUsd, account.maxDailyLossUsd,
                account.maxOpenPositions).toEvent(), egress(account));
    }

    private static UserState.Egress egress(BrokerAccount account) {
        return account.egressProxy == null && account.egressSourceAddress == null ? null
                : new UserState.Egress(account.egressProxy, account.egressSourceAddress);
    }
}
