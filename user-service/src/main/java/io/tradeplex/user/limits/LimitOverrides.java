package io.tradeplex.user.limits;

import io.tradeplex.kit.problem.ApiException;
import io.tradeplex.kit.problem.FieldError;
import io.tradeplex.user.profile.UserProfile;
import io.tradeplex.user.tier.Tier;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Applies an administrator's overrides to a user, after checking each against the tier's ceiling. */
public final class LimitOverrides {
    public static final String ABOVE_TIER = "LIMIT_ABOVE_TIER";

    private LimitOverrides() {
    }

    /** @throws ApiException 400 naming every field that exceeds the ceiling or is malformed; the user is unchanged then */
    public static void apply(UserProfile user, LimitOverridesRequest request) {
        List<FieldError> errors = violations(Tier.of(user.tier), request);
        if (!errors.isEmpty()) {
            throw new ApiException(400, "Bad Request", ABOVE_TIER, "Overrides may only tighten the tier's limits", errors);
        }
        LimitOverridesRequest.TradingHoursRequest hours = request.tradingHours();
        user.maxPositionSizeUsd = request.maxPositionSizeUsd();
        user.maxOrderSizeUsd = request.maxOrderSizeUsd();
        user.maxDailyLossUsd = request.maxDailyLossUsd();
        user.maxOpenPositions = request.maxOpenPositions();
        user.allowedSymbols = request.allowedSymbols() == null ? null
                : request.allowedSymbols().stream().distinct().sorted().toList();
        user.tradingTimeZone = hours == null ? null : hours.timeZone();
        user.tradingDays = hours == null ? null : hours.days().stream().distinct().toList();
        user.tradingOpen = hours == null ? null : LocalTime.parse(hours.open());
        user.tradingClose = hours == null ? null : LocalTime.parse(hours.close());
        user.tradeOnly = Boolean.TRUE.equals(request.tradeOnly());
    }

    /** Every field of {@code request} that exceeds {@code tier}'s ceiling or is malformed; empty when it may apply. */
    public static List<FieldError> violations(Tier tier, LimitOverridesRequest request) {
        List<FieldError> errors = new ArrayList<>();
        within("maxPositionSizeUsd", request.maxPositionSizeUsd(), tier.maxPositionSizeUsd(), tier, errors);
        within("maxOrderSizeUsd", request.maxOrderSizeUsd(), tier.maxOrderSizeUsd(), tier, errors);
        within("maxDailyLossUsd", request.maxDailyLossUsd(), tier.maxDailyLossUsd(), tier, errors);
        if (request.maxOpenPositions() != null && request.maxOpenPositions() > tier.maxOpenPositions()) {
            errors.add(new FieldError("maxOpenPositions", "must be at most " + tier.maxOpenPositions() + ", the "
                    + tier.wire() + " tier's ceiling"));
        }
        if (request.allowedSymbols() != null) {
            for (int i = 0; i < request.allowedSymbols().size(); i++) {
                String symbol = request.allowedSymbols().get(i);
                if (!tier.allowsSymbol(symbol)) {
                    errors.add(new FieldError("allowedSymbols[" + i + "]", symbol + " is not available on the "
                            + tier.wire() + " tier"));
                }
            }
        }
        LimitOverridesRequest.TradingHoursRequest hours = request.tradingHours();
        if (hours != null) {
            try {
                ZoneId.of(hours.timeZone());
            } catch (DateTimeException e) {
                errors.add(new FieldError("tradingHours.timeZone", "must be a time zone such as UTC or Asia/Kolkata"));
            }
            if (hours.open().equals(hours.close())) {
                errors.add(new FieldError("tradingHours.close", "must differ from open"));
            }
        }
        return errors;
    }

    private static void within(String field, BigDecimal value, BigDecimal ceiling, Tier tier, List<FieldError> errors) {
        if (value != null && value.compareTo(ceiling) > 0) {
            errors.add(new FieldError(field, "must be at most " + ceiling.toPlainString() + " USD, the " + tier.wire()
                    + " tier's ceiling"));
        }
    }
}
