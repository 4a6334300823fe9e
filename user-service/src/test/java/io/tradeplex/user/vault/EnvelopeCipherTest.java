package io.tradeplex.user.vault;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnvelopeCipherTest {
    private static final String KEYS = """
            # two keys
            old=q2wkigFDA9fOjHZPQC0AfdLUMgSGvbr4epIs9xxzdck=
            new=gSDZSFOI6VxbEwSkkS3C14AxcTmk8ljVG6dUSIeac8g=
            """;
    private final EnvelopeCipher cipher = new EnvelopeCipher();
    private final MasterKeyring ring = MasterKeyring.parse(KEYS, Optional.of("old"));
    private final SecretContext context = new SecretContext(UUID.randomUUID(), UUID.randomUUID(), "apiSecret");

    @Test
    void aSecretOpensWithItsOwnContextAndHasFreshKeysAndNoncesEachTime() {
        SealedSecret first = cipher.seal(ring, context, "s3cret-value");
        SealedSecret second = cipher.seal(ring, context, "s3cret-value");

        assertThat(cipher.open(ring, context, first)).isEqualTo("s3cret-value");
        assertThat(first.keyId()).isEqualTo("old");
        assertThat(first.nonce()).hasSize(12);
        assertThat(first.keyNonce()).hasSize(12);
        assertThat(first.wrappedKey()).hasSize(32 + 16);
        assertThat(first.ciphertext()).hasSize("s3cret-value".length() + 16);
        assertThat(first.ciphertext()).isNotEqualTo(second.ciphertext());
        assertThat(first.wrappedKey()).isNotEqualTo(second.wrappedKey());
        assertThat(new String(first.ciphertext(), StandardCharsets.ISO_8859_1)).doesNotContain("s3cret");
        assertThat(first.toString()).doesNotContain("s3cret");
    }

    @Test
    void aCiphertextMovedToAnotherUserAccountOrNameDoesNotOpen() {
        SealedSecret sealed = cipher.seal(ring, context, "s3cret-value");

        for (SecretContext elsewhere : new SecretContext[]{
                new SecretContext(UUID.randomUUID(), context.accountId(), context.name()),
                new SecretContext(context.userId(), UUID.randomUUID(), context.name()),
                new SecretContext(context.userId(), context.accountId(), "apiKey")}) {
            assertThatThrownBy(() -> cipher.open(ring, elsewhere, sealed)).isInstanceOf(VaultException.class)
                    .message().doesNotContain("s3cret");
        }
    }

    @Test
    void anAlteredRecordOrAWrongKeyIdDoesNotOpen() {
        SealedSecret sealed = cipher.seal(ring, context, "s3cret-value");
        byte[] flipped = sealed.ciphertext().clone();
        flipped[0] ^= 1;

        assertThatThrownBy(() -> cipher.open(ring, context, new SealedSecret(1, "old", sealed.keyNonce(),
                sealed.wrappedKey(), sealed.nonce(), flipped))).isInstanceOf(VaultException.class);
        assertThatThrownBy(() -> cipher.open(ring, context, new SealedSecret(1, "new", sealed.keyNonce(),
                sealed.wrappedKey(), sealed.nonce(), sealed.ciphertext()))).isInstanceOf(VaultException.class);
        assertThatThrownBy(() -> cipher.open(ring, context, new SealedSecret(1, "gone", sealed.keyNonce(),
                sealed.wrappedKey(), sealed.nonce(), sealed.ciphertext())))
                .isInstanceOf(VaultException.class).hasMessageContaining("gone is not in the keyring");
        assertThatThrownBy(() -> cipher.open(ring, context, new SealedSecret(2, "old", sealed.keyNonce(),
                sealed.wrappedKey(), sealed.nonce(), sealed.ciphertext()))).isInstanceOf(VaultException.class);
    }

    @Test
    void rewrappingMovesTheDataKeyToTheActiveKeyAndKeepsTheCiphertext() {
        SealedSecret sealed = cipher.seal(ring, context, "s3cret-value");
        MasterKeyring rotated = ring.withActive("new");

        SealedSecret rewrapped = cipher.rewrap(rotated, context, sealed);

        assertThat(rewrapped.keyId()).isEqualTo("new");
        assertThat(rewrapped.ciphertext()).isEqualTo(sealed.ciphertext());
        assertThat(rewrapped.wrappedKey()).isNotEqualTo(sealed.wrappedKey());
        assertThat(cipher.open(rotated, context, rewrapped)).isEqualTo("s3cret-value");
        assertThat(cipher.open(ring, context, rewrapped)).isEqualTo("s3cret-value");
        MasterKeyring withoutOld = MasterKeyring.parse(KEYS.lines().filter(line -> !line.startsWith("old"))
                .reduce("", (a, b) -> a + b + "\n"), Optional.empty());
        assertThat(cipher.open(withoutOld, context, rewrapped)).isEqualTo("s3cret-value");
        assertThatThrownBy(() -> cipher.open(withoutOld, context, sealed)).isInstanceOf(VaultException.class);
    }
}
