package io.tradeplex.user.vault;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MasterKeyringTest {
    private static final String KEY_A = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String KEY_B = "gSDZSFOI6VxbEwSkkS3C14AxcTmk8ljVG6dUSIeac8g=";

    @Test
    void theSingleLineThatInfraPlatformWritesIsKeyK1(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("master.key"), KEY_B + "\n");
        MasterKeyring ring = MasterKeyring.load(file, Optional.empty());
        assertThat(ring.activeKeyId()).isEqualTo("k1");
        assertThat(ring.active().getEncoded()).isEqualTo(Base64.getDecoder().decode(KEY_B));
    }

    @Test
    void theLastKeyOfAMultiKeyFileIsActiveUnlessConfiguredOtherwise() {
        String keys = "# rotation in progress\nk1=" + KEY_A + "\n\nk2=" + KEY_B + "\n";
        assertThat(MasterKeyring.parse(keys, Optional.empty()).activeKeyId()).isEqualTo("k2");
        assertThat(MasterKeyring.parse(keys, Optional.of("k1")).activeKeyId()).isEqualTo("k1");
        assertThat(MasterKeyring.parse(keys, Optional.of("  ")).activeKeyId()).isEqualTo("k2");
        assertThatThrownBy(() -> MasterKeyring.parse(keys, Optional.of("k3")))
                .hasMessageContaining("k3").hasMessageContaining("k1, k2");
    }

    @Test
    void missingShortOrMalformedKeysStopTheStartWithoutEchoingThem(@TempDir Path dir) {
        assertThatThrownBy(() -> MasterKeyring.load(dir.resolve("absent.key"), Optional.empty()))
                .hasMessageContaining("does not exist").hasMessageContaining("TRADEPLEX_VAULT_MASTER_KEY_FILE");
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> MasterKeyring.parse(shortKey, Optional.empty()))
                .hasMessageContaining("16 bytes").hasMessageContaining("32").message().doesNotContain(shortKey);
        assertThatThrownBy(() -> MasterKeyring.parse("", Optional.empty())).hasMessageContaining("no key");
        assertThatThrownBy(() -> MasterKeyring.parse("k1=" + KEY_A + "\nk1=" + KEY_B, Optional.empty()))
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> MasterKeyring.parse("k1=" + KEY_A + "\nnot a key line", Optional.empty()))
                .hasMessageContaining("Line 2").message().doesNotContain(KEY_A);
        assertThatThrownBy(() -> MasterKeyring.parse("k1=%%%", Optional.empty()))
                .hasMessageContaining("not valid base64");
    }

    @Test
    void itsToStringNamesKeyIdsOnly() {
        MasterKeyring ring = MasterKeyring.parse("k1=" + KEY_B, Optional.empty());
        assertThat(ring.toString()).isEqualTo("MasterKeyring[keys=[k1], active=k1]").doesNotContain(KEY_B);
    }
}
