package io.tradeplex.user.limits;

import io.tradeplex.user.killswitch.KillSwitchService;
import io.tradeplex.user.permission.Permission;
import io.tradeplex.user.profile.UserProfile;
import io.tradeplex.user.tier.Tier;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

public final class LimitsMapper {
    public static final String USER_DISABLED = "USER_DISABLED";
    public static final String TRADING_NOT_PERMITTED = "TRADING_NOT_PERMITTED";
    public static final String KILL_SWITCH = "KILL_SWITCH";
    public static final String GLOBAL_KILL_SWITCH = "GLOBAL_KILL_SWITCH";

    private LimitsMapper() {
    }

    public static LimitsView toView(UserProfile user, Set<Permission> granted, boolean globalKillSwitch) {
        EffectiveLimits limits = EffectiveLimits.of(user);
        List<String> blockedBy = new ArrayList<>();
        if (!UserProfile.STATUS_ACTIVE.equals(user.status)) {
            blockedBy.add(USER_DISABLED);
        }
        if (!granted.contains(Permission.TRADING_TRADE)) {
            blockedBy.add(TRADING_NOT_PERMITTED);
        }
        if (user.killSwitchOn()) {
            blockedBy.add(KILL_SWITCH);
        }
        if (globalKillSwitch) {
            blockedBy.add(GLOBAL_KILL_SWITCH);
        }
        Tier tier = limits.tier();
        TradingHours hours = limits.tradingHours();
        return new LimitsView(tier.wire(), limits.maxPositionSizeUsd(), limits.maxOrderSizeUsd(), limits.maxDailyLossUsd(),
                limits.maxOpenPositions(), limits.allowedSymbols(),
                hours == null ? null : new LimitsView.TradingHoursView(hours.timeZone(), hours.days(),
                        hours.open().toString(), hours.close().toString()),
                limits.tradeOnly(), blockedBy.isEmpty(), List.copyOf(blockedBy), KillSwitchService.view(user),
                globalKillSwitch, overridden(user),
                new LimitsView.Ceiling(tier.maxPositionSizeUsd(), tier.maxDailyLossUsd(), tier.maxOpenPositions(),
                        tier.allowedSymbols()));
    }

    private static List<String> overridden(UserProfile user) {
        List<String> fields = new ArrayList<>();
        if (user.maxPositionSizeUsd != null) {
            fields.add("maxPositionSizeUsd");
        }
        if (user.maxOrderSizeUsd != null) {
            fields.add("maxOrderSizeUsd");
        }
        if (user.maxDailyLossUsd != null) {
            fields.add("maxDailyLossUsd");
        }
        if (user.maxOpenPositions != null) {
            fields.add("maxOpenPositions");
        }
        if (user.allowedSymbols != null) {
            fields.add("allowedSymbols");
        }
        if (user.tradingTimeZone != null) {
            fields.add("tradingHours");
        }
        return List.copyOf(fields);
    }
}
