package io.tradeplex.user.limits;

import io.tradeplex.contracts.users.UserState;
import io.tradeplex.user.profile.UserProfile;

import java.time.LocalTime;
import java.util.List;

/** A daily trading window in a time zone; {@code close} before {@code open} spans midnight. */
public record TradingHours(String timeZone, List<String> days, LocalTime open, LocalTime close) {

    static TradingHours of(UserProfile user) {
        return user.tradingTimeZone == null ? null
                : new TradingHours(user.tradingTimeZone, List.copyOf(user.tradingDays), user.tradingOpen, user.tradingClose);
    }

    UserState.TradingHours toEvent() {
        return new UserState.TradingHours(timeZone, days, open.toString(), close.toString());
    }
}
