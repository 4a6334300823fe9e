package io.tradeplex.order.risk;

import io.tradeplex.contracts.controls.GlobalKillSwitch;
import io.tradeplex.contracts.orders.OrderType;
import io.tradeplex.contracts.users.UserState;
import io.tradeplex.order.execution.Rejection;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * The pre-trade rules that depend only on the user's published state, the controls and the latest price — each
 * rejection names its rule. Pure: the caller supplies the state and the clock, so every rule is testable alone.
 * The rules over what the user holds and has lost today are {@link ExposureRules}, {@link DailyLossRules} and
 * {@link CapitalRules}.
 */
public final class RiskRules {
    public static final String GLOBAL_KILL_SWITCH = "GLOBAL_KILL_SWITCH";
    public static final String KILL_SWITCH = "KILL_SWITCH";
    public static final String ACCOUNT_CLOSED = "ACCOUNT_CLOSED";
    public static final String ACCOUNT_LOGIN_REQUIRED = "ACCOUNT_LOGIN_REQUIRED";
    public static final String SYMBOL_NOT_ALLOWED = "SYMBOL_NOT_ALLOWED";
    public static final String OUTSIDE_TRADING_HOURS = "OUTSIDE_TRADING_HOURS";
    public static final String ORDER_SIZE_LIMIT = "ORDER_SIZE_LIMIT";
    public static final String PRICE_UNAVAILABLE = "PRICE_UNAVAILABLE";

    private RiskRules() {
    }

    /** What is being asked: enough of an order to judge it. */
    public record Ask(UUID accountId, String symbol, OrderType type, BigDecimal quantity, BigDecimal limitPrice) {
    }

    /**
     * @param state       the user's latest published state; empty until user-service has published it
     * @param latestPrice the latest tick's price for the symbol, if any
     */
    public static Optional<Rejection> check(Optional<UserState> state, Optional<GlobalKillSwitch> global, Ask ask,
                                            Optional<BigDecimal> latestPrice, Instant now) {
        if (global.isPresent()) {
            return reject(GLOBAL_KILL_SWITCH, "Trading is halted for everyone by the global kill switch: " + global.get().reason());
        }
        if (state.isEmpty()) {
            return Optional.empty();
        }
        UserState user = state.get();
        if (user.killSwitch() != null) {
            return reject(KILL_SWITCH, "Your kill switch is on (" + user.killSwitch().reason() + "); trading resumes when it is reset");
        }
        Optional<UserState.Account> account = user.accounts().stream()
                .filter(candidate -> candidate.accountId().equals(ask.accountId())).findFirst();
        if (account.isPresent()) {
            UserState.Account known = account.get();
            if ("CLOSED".equals(known.status())) {
                return reject(ACCOUNT_CLOSED, "This broker account is closed");
            }
            if ("LOGIN_REQUIRED".equals(known.status())
                    || (known.sessionExpiresAt() != null && !now.isBefore(known.sessionExpiresAt()))) {
                return reject(ACCOUNT_LOGIN_REQUIRED, "The " + known.broker() + " session of this account has expired;"
                        + " log in to the broker again (POST /api/v1/me/broker-accounts/" + known.accountId() + "/kite-session)");
            }
        }
        UserState.Limits limits = limitsFor(user, ask.accountId()).orElse(null);
        if (limits == null) {
            return Optional.empty();
        }
        if (!limits.allows(ask.symbol())) {
            return reject(SYMBOL_NOT_ALLOWED, ask.symbol() + " is not among the symbols your tier (" + user.tier()
                    + ") allows: " + limits.allowedSymbols());
        }
        if (limits.tradingHours() != null && !within(limits.tradingHours(), now)) {
            UserState.TradingHours hours = limits.tradingHours();
            return reject(OUTSIDE_TRADING_HOURS, "Your trading hours are " + hours.open() + "–" + hours.close() + " "
                    + hours.timeZone() + " on " + hours.days());
        }
        Optional<BigDecimal> price = priceOf(ask, latestPrice);
        if (price.isEmpty()) {
            return reject(PRICE_UNAVAILABLE, "No price for " + ask.symbol() + " is known yet, so the order's size cannot"
                    + " be checked; retry in a moment or send a LIMIT order");
        }
        BigDecimal notional = ask.quantity().multiply(price.get());
        if (notional.compareTo(limits.maxOrderSizeUsd()) > 0) {
            return reject(ORDER_SIZE_LIMIT, "The order is worth " + notional.setScale(2, java.math.RoundingMode.HALF_UP)
                    .toPlainString() + " USD; your limit per order is " + limits.maxOrderSizeUsd().toPlainString() + " USD");
        }
        return Optional.empty();
    }

    /** The account's own limits when the state lists them (already the user's, tightened), else the user's. */
    static Optional<UserState.Limits> limitsFor(UserState user, UUID accountId) {
        return user.accounts().stream()
                .filter(account -> account.accountId().equals(accountId) && account.limits() != null)
                .map(UserState.Account::limits)
                .findFirst()
                .or(() -> Optional.ofNullable(user.limits()));
    }

    /** What the order is valued at: its limit price, or the latest tick for a market order. */
    static Optional<BigDecimal> priceOf(Ask ask, Optional<BigDecimal> latestPrice) {
        return ask.type() == OrderType.LIMIT ? Optional.ofNullable(ask.limitPrice()) : latestPrice;
    }

    static boolean within(UserState.TradingHours hours, Instant now) {
        ZonedDateTime local = now.atZone(ZoneId.of(hours.timeZone()));
        LocalTime open = LocalTime.parse(hours.open());
        LocalTime close = LocalTime.parse(hours.close());
        LocalTime time = local.toLocalTime();
        DayOfWeek day = local.getDayOfWeek();
        if (open.isBefore(close)) {
            return hours.days().contains(day.name()) && !time.isBefore(open) && time.isBefore(close);
        }
        // A window across midnight belongs to the day it opens on.
        return (hours.days().contains(day.name()) && !time.isBefore(open))
                || (hours.days().contains(day.minus(1).name()) && time.isBefore(close));
    }

    private static Optional<Rejection> reject(String code, String reason) {
        return Optional.of(new Rejection(code, reason));
    }
}
