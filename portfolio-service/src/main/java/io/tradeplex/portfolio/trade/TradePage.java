package io.tradeplex.portfolio.trade;

import java.util.List;

/** @param page zero-based; {@code total} counts every matching trade, across all pages */
public record TradePage(List<TradeView> items, int page, int size, long total) {
}
