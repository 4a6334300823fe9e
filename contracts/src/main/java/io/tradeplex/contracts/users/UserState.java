package io.tradeplex.contracts.users;

import io.tradeplex.contracts.Event;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * The user's current state on the compacted {@code tradeplex.users.v1}, keyed by user id: the latest record per user is
 * all a reader needs, so every record carries everything (limits, kill switch, accounts), never a delta.
 *
 * @param permissions     the effective permissions: the roles' defaults plus grants minus revocations
 * @param tradeOnly       the user may trade and start/stop strategies but not change strategy code or parameters
 * @param limits          the effective limits: the tier's, tightened by the user's overrides (null only in records
 *                        written before limits existed)
 * @param killSwitch      the user's own kill switch, null when off
 * @param activeAccountId the account orders go to when a client names none; null if the user has no account
 * @param accounts        every broker account with its effective limits (the user's, tightened by the account's)
 * @param timeZone        the IANA zone of the user's trading day (daily P&L, the daily-loss limit); null reads as UTC
 *                        (records written before it existed)
 */
public record UserState(
        int schemaVersion,
        UUID userId,
        String email,
        String tier,
        String status,
        boolean emailVerified,
        List<String> roles,
        List<String> permissions,
        Instant updatedAt,
        boolean tradeOnly,
        Limits limits,
        KillSwitch killSwitch,
        UUID activeAccountId,
        List<Account> accounts,
        String timeZone) implements Event {
    public static final String TYPE = "tradeplex.users.state.v1";
    public static final int SCHEMA_VERSION = 1;
    public static final String STATUS_ACTIVE = "ACTIVE";
    public static final String STATUS_DISABLED = "DISABLED";
    /** Soft-deleted: no trading, no login; the trade history is kept. */
    public static final String STATUS_DELETED = "DELETED";
    /** In {@link Limits#allowedSymbols()}: every symbol. */
    public static final String ANY_SYMBOL = "*";

    public static final String DEFAULT_TIME_ZONE = "UTC";

    public UserState {
        roles = roles == null ? List.of() : List.copyOf(roles);
        permissions = permissions == null ? List.of() : List.copyOf(permissions);
        accounts = accounts == null ? List.of() : List.copyOf(accounts);
    }

    /** A state on the default (UTC) trading day. */
    public UserState(int schemaVersion, UUID userId, String email, String tier, String status, boolean emailVerified,
                     List<String> roles, List<String> permissions, Instant updatedAt, boolean tradeOnly, Limits limits,
                     KillSwitch killSwitch, UUID activeAccountId, List<Account> accounts) {
        this(schemaVersion, userId, email, tier, status, emailVerified, roles, permissions, updatedAt, tradeOnly, limits,
                killSwitch, activeAccountId, accounts, null);
    }

    /** The zone the user's trading day is counted in. */
    public ZoneId tradingZone() {
        return ZoneId.of(timeZone == null ? DEFAULT_TIME_ZONE : timeZone);
    }

    @Override
    public String eventType() {
        return TYPE;
    }

    /**
     * @param maxPositionSizeUsd the largest notional one position may reach, at the latest price
     * @param maxOrderSizeUsd    the largest notional of one order
     * @param maxDailyLossUsd    trading stops for the day once realized + unrealized loss reaches this
     * @param allowedSymbols     the symbols the user may trade, or {@code ["*"]} for all
     * @param tradingHours       when the user may trade; null for any time
     */
    public record Limits(BigDecimal maxPositionSizeUsd, BigDecimal maxOrderSizeUsd, BigDecimal maxDailyLossUsd,
                         int maxOpenPositions, List<String> allowedSymbols, TradingHours tradingHours) {
        public Limits {
            allowedSymbols = allowedSymbols == null ? List.of() : List.copyOf(allowedSymbols);
        }

        public boolean allows(String symbol) {
            return allowedSymbols.contains(ANY_SYMBOL) || allowedSymbols.contains(symbol);
        }
    }

    /**
     * A daily window in the user's time zone, e.g. 09:15–15:30 Monday to Friday in Asia/Kolkata.
     *
     * @param days  {@code MONDAY} … {@code SUNDAY}
     * @param open  {@code HH:mm}, inclusive
     * @param close {@code HH:mm}, exclusive; before {@code open} for a window that spans midnight
     */
    public record TradingHours(String timeZone, List<String> days, String open, String close) {
        public TradingHours {
            days = days == null ? List.of() : List.copyOf(days);
        }
    }

    /**
     * @param triggeredBy {@code user} (the trader themself), {@code admin}, or {@code system} (e.g. the daily-loss
     *                    protection); only an admin resets one the user did not trigger
     */
    public record KillSwitch(String reason, String triggeredBy, UUID actorId, Instant triggeredAt) {
    }

    /**
     * @param status           {@code READY}; {@code LOGIN_REQUIRED} (a Kite account without a live session); {@code CLOSED}
     * @param sessionExpiresAt when the broker session ends (Kite: 06:00 IST the next day); null where sessions do not expire
     * @param limits           the user's limits tightened by the account's own
     * @param egress           the outbound route an operator pinned for this account's broker calls; null for the
     *                         platform's default route
     */
    public record Account(UUID accountId, String broker, String status, BigDecimal capitalUsd, Instant sessionExpiresAt,
                          Limits limits, Egress egress) {
        /** An account on the default route; records written before egress existed read this way too. */
        public Account(UUID accountId, String broker, String status, BigDecimal capitalUsd, Instant sessionExpiresAt,
                       Limits limits) {
            this(accountId, broker, status, capitalUsd, sessionExpiresAt, limits, null);
        }
    }

    /**
     * How this account's calls leave the platform: brokers such as Kite accept orders only from whitelisted static
     * addresses, so an operator pins one per account. At least one of the two is set.
     *
     * @param proxy         an outbound proxy, {@code http://host:port} or {@code socks5://host:port}; null for none
     * @param sourceAddress the local IP address connections are made from; null for the system's choice
     */
    public record Egress(String proxy, String sourceAddress) {
    }
}
