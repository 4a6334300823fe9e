package io.tradeplex.portfolio.trade;

import io.quarkus.panache.common.Parameters;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

/**
 * Which of a user's trades a query reads; always scoped to one user.
 *
 * @param day a trading day in {@code zone}, the user's: fills executed from its start to the next day's start
 */
public record TradeFilter(UUID userId, Optional<UUID> accountId, Optional<String> symbol, Optional<LocalDate> day,
                          ZoneId zone) {

    String query() {
        StringBuilder query = new StringBuilder("userId = :userId");
        accountId.ifPresent(ignored -> query.append(" and accountId = :accountId"));
        symbol.ifPresent(ignored -> query.append(" and symbol = :symbol"));
        day.ifPresent(ignored -> query.append(" and executedAt >= :dayStart and executedAt < :dayEnd"));
        return query.toString();
    }

    Parameters parameters() {
        Parameters parameters = Parameters.with("userId", userId);
        accountId.ifPresent(id -> parameters.and("accountId", id));
        symbol.ifPresent(s -> parameters.and("symbol", s));
        day.ifPresent(d -> parameters.and("dayStart", startOf(d)).and("dayEnd", startOf(d.plusDays(1))));
        return parameters;
    }

    private Instant startOf(LocalDate date) {
        return date.atStartOfDay(zone).toInstant();
    }
}
