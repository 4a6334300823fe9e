package io.tradeplex.strategy.market.history;

import io.tradeplex.strategy.market.bars.Bar;
import io.tradeplex.strategy.market.bars.BarInterval;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvBarHistoryTest {
    private static final CsvBarHistory SHIPPED = new CsvBarHistory(
            () -> List.of("history/BTC-USD-1h.csv", "history/ETH-USD-1h.csv"));
    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

    @Test
    void holdsTheShippedSymbolsForTheirIntervalOnly() {
        assertThat(SHIPPED.symbols(BarInterval.H1)).containsExactlyInAnyOrder("BTC-USD", "ETH-USD");
        assertThat(SHIPPED.symbols(BarInterval.M1)).isEmpty();
        assertThat(SHIPPED.bars("BTC-USD", BarInterval.M1, Instant.MIN, Instant.MAX)).isEmpty();
        assertThat(SHIPPED.bars("SOL-USD", BarInterval.H1, Instant.MIN, Instant.MAX)).isEmpty();
    }

    @Test
    void everyRowOfTheFileBecomesABarInFileOrder() throws IOException {
        List<String> rows = rows("history/ETH-USD-1h.csv");
        List<Bar> bars = SHIPPED.bars("ETH-USD", BarInterval.H1, Instant.MIN, Instant.MAX);

        assertThat(bars).hasSize(rows.size() - 1);
        for (int i = 0; i < bars.size(); i++) {
            String[] fields = rows.get(i + 1).split(",");
            Bar bar = bars.get(i);
            assertThat(bar.symbol()).isEqualTo("ETH-USD");
            assertThat(bar.interval()).isEqualTo(BarInterval.H1);
            assertThat(bar.openTime()).isEqualTo(Instant.parse(fields[0]));
            assertThat(List.of(bar.open(), bar.high(), bar.low(), bar.close(), bar.volume()))
                    .containsExactly(new BigDecimal(fields[1]), new BigDecimal(fields[2]), new BigDecimal(fields[3]),
                            new BigDecimal(fields[4]), new BigDecimal(fields[5]));
        }
    }

    @Test
    void barsAreThoseWhoseOpenTimeLiesInTheHalfOpenRange() {
        List<Bar> bars = SHIPPED.bars("BTC-USD", BarInterval.H1, START.plus(Duration.ofHours(2)),
                START.plus(Duration.ofHours(5)));
        assertThat(bars).extracting(Bar::openTime).containsExactly(START.plus(Duration.ofHours(2)),
                START.plus(Duration.ofHours(3)), START.plus(Duration.ofHours(4)));

        assertThat(SHIPPED.bars("BTC-USD", BarInterval.H1, START.plusSeconds(1), START.plus(Duration.ofHours(2))))
                .extracting(Bar::openTime).containsExactly(START.plus(Duration.ofHours(1)));
        assertThat(SHIPPED.bars("BTC-USD", BarInterval.H1, START, START)).isEmpty();
        assertThat(SHIPPED.bars("BTC-USD", BarInterval.H1, START.plusSeconds(60), START)).isEmpty();
        assertThat(SHIPPED.bars("BTC-USD", BarInterval.H1, Instant.parse("2020-01-01T00:00:00Z"), START)).isEmpty();
        assertThat(SHIPPED.bars("BTC-USD", BarInterval.H1, Instant.parse("2020-01-01T00:00:00Z"), START.plusSeconds(1)))
                .extracting(Bar::openTime).containsExactly(START);
    }

    @Test
    void aMalformedFileStopsTheLoadNamingTheFileAndLine() {
        assertThatThrownBy(() -> new CsvBarHistory(() -> List.of("history-broken/XBT-USD-1h.csv")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("history-broken/XBT-USD-1h.csv line 3")
                .hasMessageContaining("not the start of a 1h interval");
        assertThatThrownBy(() -> new CsvBarHistory(() -> List.of("history-broken/LOW-USD-1h.csv")))
                .hasMessageContaining("line 2").hasMessageContaining("low <= open, close <= high");
        assertThatThrownBy(() -> new CsvBarHistory(() -> List.of("history-broken/OLD-USD-1h.csv")))
                .hasMessageContaining("line 3: open times must increase");
        assertThatThrownBy(() -> new CsvBarHistory(() -> List.of("history-broken/BTC-USD-2h.csv")))
                .hasMessageContaining("unknown interval 2h");
        assertThatThrownBy(() -> new CsvBarHistory(() -> List.of("history/NONE-USD-1h.csv")))
                .hasMessageContaining("not on the classpath");
        assertThatThrownBy(() -> new CsvBarHistory(() -> List.of("history/BTC-USD-1h.csv", "history/BTC-USD-1h.csv")))
                .hasMessageContaining("a second file of BTC-USD 1h");
    }

    private static List<String> rows(String resource) throws IOException {
        try (InputStream in = CsvBarHistoryTest.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }
}
