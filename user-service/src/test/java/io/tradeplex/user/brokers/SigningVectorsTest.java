package io.tradeplex.user.brokers;

import io.tradeplex.testing.brokers.FakeBinance;
import io.tradeplex.testing.brokers.FakeKite;

import io.tradeplex.user.brokers.binance.BinanceSigner;
import io.tradeplex.user.brokers.kite.KiteChecksum;
import io.tradeplex.user.brokers.kite.KiteSession;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** docs: shared/design/brokers.md's test vectors, for the production signers and the fakes' own verifiers alike. */
class SigningVectorsTest {
    private static final String BINANCE_QUERY =
            "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559";
    private static final String BINANCE_SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
    private static final String BINANCE_SIGNATURE = "c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71";
    private static final String KITE_SESSION_CHECKSUM = "cc6c955cadf2cc09442c0848ce8e165b8f9aa5974916de7186a9e1b6c4e7937e";
    private static final String KITE_POSTBACK_CHECKSUM = "821244bee841fc23c590f70d3854eba19282f2ab724f90d580c9a2c47c15fe86";

    @Test
    void binanceSignaturesMatchTheDocumentedVector() {
        assertThat(BinanceSigner.sign(BINANCE_SECRET, BINANCE_QUERY)).isEqualTo(BINANCE_SIGNATURE);
        assertThat(FakeBinance.signatureOf(BINANCE_SECRET, BINANCE_QUERY)).isEqualTo(BINANCE_SIGNATURE);
    }

    @Test
    void theAccountCallSignsTimestampAndRecvWindowInTheOrderTheyAreSent() {
        assertThat(BinanceSigner.accountQuery(1499827319559L, 5000)).isEqualTo("timestamp=1499827319559&recvWindow=5000");
    }

    @Test
    void kiteChecksumsMatchTheDocumentedVectors() {
        assertThat(KiteChecksum.of("xxx", "yyy", "zzz")).isEqualTo(KITE_SESSION_CHECKSUM);
        assertThat(FakeKite.checksumOf("xxx", "yyy", "zzz")).isEqualTo(KITE_SESSION_CHECKSUM);
        // The postback checksum is the same construction: SHA-256 of the parts with the secret last.
        assertThat(KiteChecksum.of("220303000308932", "2022-03-03 09:24:25", "zzz")).isEqualTo(KITE_POSTBACK_CHECKSUM);
        assertThat(FakeKite.checksumOf("220303000308932", "2022-03-03 09:24:25", "zzz")).isEqualTo(KITE_POSTBACK_CHECKSUM);
    }

    @Test
    void aKiteSessionEndsAtTheNextSixOClockInIndia() {
        // 06:00 IST = 00:30 UTC.
        assertThat(KiteSession.expiryOfTokenIssuedAt(Instant.parse("2026-03-10T10:00:00Z")))
                .isEqualTo(Instant.parse("2026-03-11T00:30:00Z"));
        assertThat(KiteSession.expiryOfTokenIssuedAt(Instant.parse("2026-03-10T00:29:59Z")))
                .isEqualTo(Instant.parse("2026-03-10T00:30:00Z"));
        assertThat(KiteSession.expiryOfTokenIssuedAt(Instant.parse("2026-03-10T00:30:00Z")))
                .isEqualTo(Instant.parse("2026-03-11T00:30:00Z"));
    }
}
