package io.tradeplex.user.brokers.kite;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * A Kite login: the user's Kite id and the day's access token.
 *
 * @param expiresAt when Kite invalidates the token: the next 06:00 in India
 */
public record KiteSession(String userId, String accessToken, Instant expiresAt) {
    private static final ZoneId KITE_ZONE = ZoneId.of("Asia/Kolkata");
    private static final LocalTime DAILY_FLUSH = LocalTime.of(6, 0);

    /** Kite flushes every access token at 06:00 IST, whenever it was issued. */
    public static Instant expiryOfTokenIssuedAt(Instant issuedAt) {
        ZonedDateTime issued = issuedAt.atZone(KITE_ZONE);
        ZonedDateTime flush = issued.with(DAILY_FLUSH);
        return (issued.isBefore(flush) ? flush : flush.plusDays(1)).toInstant();
    }

    @Override
    public String toString() {
        return "KiteSession[userId=" + userId + ", accessToken=***, expiresAt=" + expiresAt + "]";
    }
}
