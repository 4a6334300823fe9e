package io.tradeplex.user.vault;

/**
 * A secret under envelope encryption: its ciphertext under a random data key, and that data key wrapped by master
 * key {@code keyId}. Both byte arrays carry their GCM tag at the end.
 */
public record SealedSecret(int formatVersion, String keyId, byte[] keyNonce, byte[] wrappedKey, byte[] nonce,
                           byte[] ciphertext) {

    /** Ciphertext only, but there is no reason for it to reach a log either. */
    @Override
    public String toString() {
        return "SealedSecret[formatVersion=" + formatVersion + ", keyId=" + keyId + "]";
    }
}
