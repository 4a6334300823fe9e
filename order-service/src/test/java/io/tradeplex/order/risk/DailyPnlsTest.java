package io.tradeplex.order.risk;

import io.tradeplex.contracts.CloudEventHeaders;
import io.tradeplex.contracts.Event;
import io.tradeplex.contracts.EventJson;
import io.tradeplex.contracts.portfolio.DailyLossLimitBreached;
import io.tradeplex.contracts.portfolio.DailyPnl;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class DailyPnlsTest {
    private static final UUID USER = UUID.randomUUID();
    private static final LocalDate DAY = LocalDate.parse("2026-03-10");
    private static final Instant T0 = Instant.parse("2026-03-10T12:00:00Z");

    @Test
    void theNewestByAsOfWinsWhateverOrderTheyArriveIn() {
        DailyPnls pnls = new DailyPnls();
        assertThat(pnls.of(USER)).isEmpty();

        pnls.consume(record(pnl("-10", T0)));
        pnls.consume(record(pnl("-30", T0.plusSeconds(5))));
        pnls.consume(record(pnl("-1", T0.plusSeconds(1))));
        assertThat(pnls.of(USER)).get().extracting(DailyPnl::netPnl).isEqualTo(new BigDecimal("-30"));

        pnls.consume(record(pnl("5", T0.plusSeconds(6))));
        assertThat(pnls.of(USER)).get().extracting(DailyPnl::netPnl).isEqualTo(new BigDecimal("5"));
        assertThat(pnls.of(UUID.randomUUID())).isEmpty();
    }

    @Test
    void otherEventsOnTheTopicAreSkipped() {
        DailyPnls pnls = new DailyPnls();
        pnls.consume(record(new DailyLossLimitBreached(1, USER, DAY, "UTC", new BigDecimal("-30"), new BigDecimal("25"), T0)));
        assertThat(pnls.of(USER)).isEmpty();
    }

    private static DailyPnl pnl(String netPnl, Instant asOf) {
        BigDecimal net = new BigDecimal(netPnl);
        return new DailyPnl(1, USER, DAY, "UTC", net, BigDecimal.ZERO, BigDecimal.ZERO, net, 1, new BigDecimal("25"),
                List.of(), asOf);
    }

    private static ConsumerRecord<String, String> record(Event event) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("test.tradeplex.portfolio.v1", 0, 0L,
                USER.toString(), EventJson.write(event));
        record.headers().add(CloudEventHeaders.ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add(CloudEventHeaders.TYPE, event.eventType().getBytes(StandardCharsets.UTF_8));
        return record;
    }
}
