package io.tradeplex.order.broker.kite;

import io.tradeplex.testing.brokers.FakeKite;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The checksum, tag and symbol rules against brokers.md's vectors and examples. */
class KiteWireFormatTest {

    @Test
    void thePostbackChecksumMatchesKitesDocumentedVector() {
        String expected = "821244bee841fc23c590f70d3854eba19282f2ab724f90d580c9a2c47c15fe86";
        assertThat(KitePostbacks.sha256Hex("220303000308932" + "2022-03-03 09:24:25" + "zzz")).isEqualTo(expected);
        assertThat(FakeKite.postbackChecksumOf("220303000308932", "2022-03-03 09:24:25", "zzz")).isEqualTo(expected);
    }

    @Test
    void theTagIsTheOrderIdsFirstTwentyHexDigits() {
        UUID orderId = UUID.fromString("3f2a9c1e-7b4d-4e8a-9c2f-0123456789ab");
        assertThat(KiteTag.of(orderId)).isEqualTo("3f2a9c1e7b4d4e8a9c2f").hasSize(20).matches("[A-Za-z0-9]+");
        assertThat(KiteTag.isOurs(KiteTag.of(UUID.randomUUID()))).isTrue();
        assertThat(KiteTag.isOurs("3F2A9C1E7B4D4E8A9C2F")).isFalse();
        assertThat(KiteTag.isOurs("myStrategyTag")).isFalse();
        assertThat(KiteTag.isOurs(null)).isFalse();
    }

    @Test
    void theQuoteLegNamesTheExchangeAndInrMeansTheDefaultOne() {
        assertThat(KiteInstrument.of("INFY-NSE", "NSE")).isEqualTo(new KiteInstrument("NSE", "INFY"));
        assertThat(KiteInstrument.of("SBIN-BSE", "NSE")).isEqualTo(new KiteInstrument("BSE", "SBIN"));
        assertThat(KiteInstrument.of("INFY-INR", "BSE")).isEqualTo(new KiteInstrument("BSE", "INFY"));
        assertThat(KiteInstrument.of("BTC-USD", "NSE")).isNull();
        assertThat(KiteInstrument.of("INFY", "NSE")).isNull();
    }
}
