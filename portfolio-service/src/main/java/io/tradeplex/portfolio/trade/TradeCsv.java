package io.tradeplex.portfolio.trade;

import java.math.BigDecimal;
import java.util.List;

/** Trades as RFC 4180 CSV with a header row, for spreadsheets. */
final class TradeCsv {
    static final String MEDIA_TYPE = "text/csv";
    private static final String HEADER =
            "executedAt,accountId,symbol,side,quantity,price,fee,feeCurrency,realizedPnl,orderId,fillId,broker";

    private TradeCsv() {
    }

    static String write(List<TradeView> trades) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (TradeView trade : trades) {
            csv.append(trade.executedAt()).append(',')
                    .append(trade.accountId()).append(',')
                    .append(text(trade.symbol())).append(',')
                    .append(trade.side()).append(',')
                    .append(decimal(trade.quantity())).append(',')
                    .append(decimal(trade.price())).append(',')
                    .append(decimal(trade.fee())).append(',')
                    .append(text(trade.feeCurrency())).append(',')
                    .append(decimal(trade.realizedPnl())).append(',')
                    .append(trade.orderId()).append(',')
                    .append(text(trade.fillId())).append(',')
                    .append(text(trade.broker())).append("\r\n");
        }
        return csv.toString();
    }

    private static String decimal(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    /**
     * Text that came from outside (a broker's fill id, a symbol) is quoted when it needs to be, and defused when a
     * spreadsheet would run it as a formula (CSV injection); numbers are written by us and need neither.
     */
    private static String text(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }
}
