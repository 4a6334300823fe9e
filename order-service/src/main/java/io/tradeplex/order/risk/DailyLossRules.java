package io.tradeplex.order.risk;

import io.tradeplex.contracts.portfolio.DailyPnl;
import io.tradeplex.contracts.users.UserState;
import io.tradeplex.order.execution.Rejection;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The daily-loss limit: once the user's P&L for their trading day (portfolio-service's {@link DailyPnl}) is at or below
 * −maxDailyLossUsd, nothing that adds to a position is accepted until the day ends in the user's zone. portfolio-service
 * also reports the breach and user-service then sets a system kill switch; this rule refuses orders from the first
 * P&L at the limit, before that switch arrives, and holds an account with a tighter limit of its own to it. An order
 * that only reduces a position always passes: cutting a loss must stay possible.
 */
public final class DailyLossRules {
    public static final String DAILY_LOSS_LIMIT = "DAILY_LOSS_LIMIT";

    private DailyLossRules() {
    }

    /**
     * @param latest the user's newest day P&L, of whatever day it was
     * @param held   the user's exposures, without the asked order
     */
    public static Optional<Rejection> check(UserState user, Optional<DailyPnl> latest, ExposureRules.Ask ask,
                                            List<Exposure> held, Instant now) {
        BigDecimal limit = RiskRules.limitsFor(user, ask.accountId()).map(UserState.Limits::maxDailyLossUsd).orElse(null);
        if (limit == null || latest.isEmpty() || ExposureRules.onlyReduces(ask, held)) {
            return Optional.empty();
        }
        DailyPnl day = latest.get();
        // A past day's loss no longer counts: each trading day starts from nothing.
        if (!day.tradingDay().equals(LocalDate.ofInstant(now, user.tradingZone()))) {
            return Optional.empty();
        }
        // The account's limit is the user's tightened by the account's own, so it holds the account's own result
        // as well as the user's whole day.
        BigDecimal net = day.accounts().stream()
                .filter(account -> account.accountId().equals(ask.accountId()))
                .map(DailyPnl.Account::netPnl)
                .filter(Objects::nonNull)
                .reduce(day.netPnl(), BigDecimal::min);
        if (net.compareTo(limit.negate()) > 0) {
            return Optional.empty();
        }
        String zoneName = user.timeZone() == null ? UserState.DEFAULT_TIME_ZONE : user.timeZone();
        return Optional.of(new Rejection(DAILY_LOSS_LIMIT, "Your P&L for " + day.tradingDay() + " (" + zoneName
                + ") is " + net.setScale(2, RoundingMode.HALF_UP).toPlainString() + " USD; your daily loss limit is "
                + limit.toPlainString() + " USD. Until the day ends only orders that reduce a position are accepted"));
    }
}
