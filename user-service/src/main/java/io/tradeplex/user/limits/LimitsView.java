package io.tradeplex.user.limits;

import io.tradeplex.user.killswitch.KillSwitchView;

import java.math.BigDecimal;
import java.util.List;

/**
 * The limits that apply to the caller now, and whether they may trade at all.
 *
 * @param blockedBy  why {@code canTrade} is false: {@code USER_DISABLED}, {@code TRADING_NOT_PERMITTED},
 *                   {@code KILL_SWITCH}, {@code GLOBAL_KILL_SWITCH}
 * @param overridden the limits an administrator set below the tier's ceiling
 * @param tierCeiling the tier's own limits, the most an override may allow
 */
public record LimitsView(String tier, BigDecimal maxPositionSizeUsd, BigDecimal maxOrderSizeUsd, BigDecimal maxDailyLossUsd,
                         int maxOpenPositions, List<String> allowedSymbols, TradingHoursView tradingHours,
                         boolean tradeOnly, boolean canTrade, List<String> blockedBy, KillSwitchView killSwitch,
                         boolean globalKillSwitch, List<String> overridden, Ceiling tierCeiling) {

    public record TradingHoursView(String timeZone, List<String> days, String open, String close) {
    }

    public record Ceiling(BigDecimal maxPositionSizeUsd, BigDecimal maxDailyLossUsd, int maxOpenPositions,
                          List<String> allowedSymbols) {
    }
}
