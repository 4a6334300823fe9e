package io.tradeplex.user.limits;

import io.tradeplex.contracts.users.UserState;
import io.tradeplex.user.profile.UserProfile;
import io.tradeplex.user.tier.Tier;

import java.math.BigDecimal;
import java.util.List;

/**
 * The limits that apply to a user: the tier's ceiling, tightened by the user's overrides. Computed on every read
 * rather than stored, so a tier change moves every limit that was not overridden, and an override above a new,
 * lower ceiling simply stops counting.
 */
public record EffectiveLimits(Tier tier, BigDecimal maxPositionSizeUsd, BigDecimal maxOrderSizeUsd,
                              BigDecimal maxDailyLossUsd, int maxOpenPositions, List<String> allowedSymbols,
                              TradingHours tradingHours, boolean tradeOnly) {

    public static EffectiveLimits of(UserProfile user) {
        Tier tier = Tier.of(user.tier);
        return new EffectiveLimits(tier,
                min(tier.maxPositionSizeUsd(), user.maxPositionSizeUsd),
                min(min(tier.maxOrderSizeUsd(), user.maxOrderSizeUsd), min(tier.maxPositionSizeUsd(), user.maxPositionSizeUsd)),
                min(tier.maxDailyLossUsd(), user.maxDailyLossUsd),
                user.maxOpenPositions == null ? tier.maxOpenPositions() : Math.min(tier.maxOpenPositions(), user.maxOpenPositions),
                symbols(tier, user.allowedSymbols),
                TradingHours.of(user),
                user.tradeOnly);
    }

    /** Tightened further by an account's own limits (null: as the user's). */
    public EffectiveLimits forAccount(BigDecimal accountMaxPositionSizeUsd, BigDecimal accountMaxDailyLossUsd,
                                      Integer accountMaxOpenPositions) {
        BigDecimal position = min(maxPositionSizeUsd, accountMaxPositionSizeUsd);
        return new EffectiveLimits(tier, position, min(maxOrderSizeUsd, position),
                min(maxDailyLossUsd, accountMaxDailyLossUsd),
                accountMaxOpenPositions == null ? maxOpenPositions : Math.min(maxOpenPositions, accountMaxOpenPositions),
                allowedSymbols, tradingHours, tradeOnly);
    }

    public UserState.Limits toEvent() {
        return new UserState.Limits(maxPositionSizeUsd, maxOrderSizeUsd, maxDailyLossUsd, maxOpenPositions, allowedSymbols,
                tradingHours == null ? null : tradingHours.toEvent());
    }

    private static List<String> symbols(Tier tier, List<String> override) {
        if (override == null) {
            return tier.allowedSymbols();
        }
        return override.stream().filter(tier::allowsSymbol).distinct().sorted().toList();
    }

    private static BigDecimal min(BigDecimal ceiling, BigDecimal override) {
        return override == null ? ceiling : ceiling.min(override);
    }
}
