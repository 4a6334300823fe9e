package io.tradeplex.portfolio.trade;

import io.quarkus.panache.common.Parameters;

import java.util.Optional;
import java.util.UUID;

/** Which of a user's trades a query reads; always scoped to one user. */
public record TradeFilter(UUID userId, Optional<UUID> accountId, Optional<String> symbol) {

    String query() {
        StringBuilder query = new StringBuilder("userId = :userId");
        accountId.ifPresent(ignored -> query.append(" and accountId = :accountId"));
        symbol.ifPresent(ignored -> query.append(" and symbol = :symbol"));
        return query.toString();
    }

    Parameters parameters() {
        Parameters parameters = Parameters.with("userId", userId);
        accountId.ifPresent(id -> parameters.and("accountId", id));
        symbol.ifPresent(s -> parameters.and("symbol", s));
        return parameters;
    }
}
