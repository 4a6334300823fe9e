package io.tradeplex.user.vault;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Envelope encryption with the JDK's AES-256-GCM: a fresh random data key per secret encrypts the secret, and the
 * active master key encrypts (wraps) the data key. Associated data binds the secret's ciphertext to its user, account,
 * name and format version, and the wrapped key to its master key id, user and account, so neither can be replayed in
 * another record. Nonces are random (96 bits): each key encrypts exactly one message, except master keys, whose
 * wraps stay far below the 2^32 messages at which random GCM nonces become a risk.
 */
public final class EnvelopeCipher {
    public static final int FORMAT_VERSION = 1;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int DATA_KEY_BYTES = 32;

    private final SecureRandom random = new SecureRandom();

    public SealedSecret seal(MasterKeyring ring, SecretContext context, String secret) {
        byte[] dataKey = randomBytes(DATA_KEY_BYTES);
        byte[] plaintext = secret.getBytes(StandardCharsets.UTF_8);
        try {
            byte[] nonce = randomBytes(NONCE_BYTES);
            byte[] ciphertext = gcm(Cipher.ENCRYPT_MODE, new SecretKeySpec(dataKey, "AES"), nonce,
                    secretAad(context, FORMAT_VERSION), plaintext);
            return wrap(ring, context, dataKey, ciphertext, nonce);
        } catch (GeneralSecurityException e) {
            throw new VaultException("Cannot seal " + context.name() + " of account " + context.accountId(), e);
        } finally {
            Arrays.fill(dataKey, (byte) 0);
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    public String open(MasterKeyring ring, SecretContext context, SealedSecret sealed) {
        byte[] dataKey = unwrap(ring, context, sealed);
        try {
            byte[] plaintext = gcm(Cipher.DECRYPT_MODE, new SecretKeySpec(dataKey, "AES"), sealed.nonce(),
                    secretAad(context, sealed.formatVersion()), sealed.ciphertext());
            return new String(plaintext, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new VaultException("Cannot open " + context.name() + " of account " + context.accountId()
                    + ": the ciphertext does not belong to this record or was altered", e);
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    /** The same data key and ciphertext, the data key now wrapped by the ring's active master key. */
    public SealedSecret rewrap(MasterKeyring ring, SecretContext context, SealedSecret sealed) {
        byte[] dataKey = unwrap(ring, context, sealed);
        try {
            return wrap(ring, context, dataKey, sealed.ciphertext(), sealed.nonce());
        } catch (GeneralSecurityException e) {
            throw new VaultException("Cannot re-wrap " + context.name() + " of account " + context.accountId(), e);
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    private SealedSecret wrap(MasterKeyring ring, SecretContext context, byte[] dataKey, byte[] ciphertext, byte[] nonce)
            throws GeneralSecurityException {
        byte[] keyNonce = randomBytes(NONCE_BYTES);
        byte[] wrappedKey = gcm(Cipher.ENCRYPT_MODE, ring.active(), keyNonce, keyAad(ring.activeKeyId(), context), dataKey);
        return new SealedSecret(FORMAT_VERSION, ring.activeKeyId(), keyNonce, wrappedKey, nonce, ciphertext);
    }

    private byte[] unwrap(MasterKeyring ring, SecretContext context, SealedSecret sealed) {
        if (sealed.formatVersion() != FORMAT_VERSION) {
            throw new VaultException("Unknown vault format " + sealed.formatVersion() + " for " + context.name()
                    + " of account " + context.accountId());
        }
        try {
            return gcm(Cipher.DECRYPT_MODE, ring.key(sealed.keyId()), sealed.keyNonce(), keyAad(sealed.keyId(), context),
                    sealed.wrappedKey());
        } catch (AEADBadTagException e) {
            throw new VaultException("Cannot unwrap the data key of " + context.name() + " of account "
                    + context.accountId() + " with master key " + sealed.keyId()
                    + ": the record was moved or altered, or the key under that id changed", e);
        } catch (GeneralSecurityException e) {
            throw new VaultException("Cannot unwrap the data key of " + context.name() + " of account " + context.accountId(), e);
        }
    }

    private static byte[] gcm(int mode, SecretKey key, byte[] nonce, byte[] aad, byte[] input) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(aad);
        return cipher.doFinal(input);
    }

    /** Fields joined by '|': none of them (UUIDs, a version number, secret names, key ids) can contain one. */
    static byte[] secretAad(SecretContext context, int formatVersion) {
        return ("tradeplex.vault.secret|v" + formatVersion + "|" + context.userId() + "|" + context.accountId() + "|"
                + context.name()).getBytes(StandardCharsets.UTF_8);
    }

    static byte[] keyAad(String keyId, SecretContext context) {
        return ("tradeplex.vault.data-key|v" + FORMAT_VERSION + "|" + keyId + "|" + context.userId() + "|"
                + context.accountId()).getBytes(StandardCharsets.UTF_8);
    }

    private byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }
}
