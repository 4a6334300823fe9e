package io.tradeplex.portfolio.trade;

import io.tradeplex.contracts.orders.Side;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class TradeCsvTest {
    private static final UUID ORDER = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final UUID ACCOUNT = UUID.fromString("00000000-0000-0000-0000-000000000002");

    @Test
    void writesAHeaderAndOneRowPerTradeWithPlainDecimals() {
        String csv = TradeCsv.write(List.of(trade("fill-1", "BTC-USD", new BigDecimal("-12.500000000000000000"))));

        assertThat(csv.split("\r\n")).containsExactly(
                "executedAt,accountId,symbol,side,quantity,price,fee,feeCurrency,realizedPnl,orderId,fillId,broker",
                "2026-11-24T10:15:30Z," + ACCOUNT + ",BTC-USD,SELL,0.00000001,64000,0.64,USD,-12.5," + ORDER + ",fill-1,paper");
    }

    @Test
    void quotesTextThatNeedsItAndDefusesFormulas() {
        String csv = TradeCsv.write(List.of(trade("=HYPERLINK(\"x\"),1", "BTC-USD", BigDecimal.ZERO)));

        assertThat(csv).contains(",\"'=HYPERLINK(\"\"x\"\"),1\",paper\r\n");
    }

    private static TradeView trade(String fillId, String symbol, BigDecimal realizedPnl) {
        return new TradeView(fillId, ORDER, ACCOUNT, "paper", symbol, Side.SELL, new BigDecimal("1E-8"),
                new BigDecimal("64000.000000000000000000"), new BigDecimal("0.64"), "USD", realizedPnl,
                Instant.parse("2026-11-24T10:15:30Z"));
    }
}
