package io.tradeplex.portfolio.daily;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.tradeplex.kit.problem.ApiException;
import io.tradeplex.kit.security.CurrentUser;
import io.tradeplex.kit.tenant.Tenant;
import io.tradeplex.kit.web.QueryParams;
import io.tradeplex.portfolio.user.UserDirectory;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

@Path("/api/v1/portfolio/pnl")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class DailyPnlResource {
    /** A longer range is asked for in pieces (OWASP API4). */
    static final int MAX_DAYS = 366;

    private final DailyPnlService daily;
    private final UserDirectory users;
    private final CurrentUser currentUser;

    public DailyPnlResource(DailyPnlService daily, UserDirectory users, CurrentUser currentUser) {
        this.daily = daily;
        this.users = users;
        this.currentUser = currentUser;
    }

    /**
     * The caller's P&L per trading day from {@code from} to {@code to} (inclusive, {@code YYYY-MM-DD} in the caller's
     * trading-day zone; both default to today), optionally of one account.
     */
    @GET
    public Uni<DailyPnlView> pnl(@QueryParam("from") String from, @QueryParam("to") String to,
                                 @QueryParam("accountId") String accountId) {
        UUID userId = currentUser.id();
        ZoneId zone = users.zoneOf(userId);
        LocalDate today = LocalDate.now(zone);
        LocalDate first = QueryParams.date("from", from).orElse(today);
        LocalDate last = QueryParams.date("to", to).orElse(first.isAfter(today) ? first : today);
        if (last.isBefore(first)) {
            throw ApiException.invalid("to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
            throw ApiException.invalid("to", "the range may span at most " + MAX_DAYS + " days");
        }
        Optional<UUID> account = QueryParams.uuid("accountId", accountId);
        return Tenant.transaction(userId, () -> daily.range(userId, zone, today, first, last, account));
    }
}
