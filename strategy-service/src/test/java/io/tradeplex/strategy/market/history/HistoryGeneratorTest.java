package io.tradeplex.strategy.market.history;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HistoryGeneratorTest {

    @Test
    void theShippedHistoricalSetIsExactlyWhatTheGeneratorProduces() throws IOException {
        Map<String, String> generated = HistoryGenerator.generate();

        assertThat(generated).containsOnlyKeys("BTC-USD-1h.csv", "ETH-USD-1h.csv");
        for (Map.Entry<String, String> file : generated.entrySet()) {
            try (InputStream shipped = getClass().getClassLoader().getResourceAsStream("history/" + file.getKey())) {
                assertThat(shipped).as(file.getKey() + " is shipped").isNotNull();
                assertThat(new String(shipped.readAllBytes(), StandardCharsets.UTF_8))
                        .as("history/%s differs from HistoryGenerator's output: regenerate it (see history/README.md)",
                                file.getKey())
                        .isEqualTo(file.getValue());
            }
        }
    }

    @Test
    void generatingTwiceGivesTheSameSet() {
        assertThat(HistoryGenerator.generate()).isEqualTo(HistoryGenerator.generate());
    }

    @Test
    void activityPeaksInTheAfternoonUtcAndDropsAtWeekends() {
        double wednesdayAfternoon = HistoryGenerator.activity(java.time.Instant.parse("2025-01-01T15:00:00Z"));
        double wednesdayNight = HistoryGenerator.activity(java.time.Instant.parse("2025-01-01T03:00:00Z"));
        double saturdayAfternoon = HistoryGenerator.activity(java.time.Instant.parse("2025-01-04T15:00:00Z"));
        assertThat(wednesdayAfternoon).isGreaterThan(wednesdayNight).isGreaterThan(saturdayAfternoon);
    }
}
