package io.tradeplex.user.vault;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The master keys that wrap data keys, by key id. Every record names the key that wraps its data key, so any key in
 * the ring can unwrap; only the active one wraps. Immutable: a new active key means a new ring.
 */
public final class MasterKeyring {
    /** The id of the key in a single-key file, the format {@code infra/platform} writes. */
    public static final String SINGLE_KEY_ID = "k1";
    static final int KEY_BYTES = 32;
    private static final String KEY_ID_PATTERN = "[A-Za-z0-9._-]{1,64}";

    private final Map<String, SecretKey> keys;
    private final String activeKeyId;

    private MasterKeyring(Map<String, SecretKey> keys, String activeKeyId) {
        this.keys = Collections.unmodifiableMap(new LinkedHashMap<>(keys));
        this.activeKeyId = activeKeyId;
    }

    public static MasterKeyring load(Path file, Optional<String> activeKeyId) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("The vault master key file " + file.toAbsolutePath() + " does not exist "
                    + "(tradeplex.vault.master-key-file / TRADEPLEX_VAULT_MASTER_KEY_FILE)");
        }
        try {
            return parse(Files.readString(file, StandardCharsets.US_ASCII), activeKeyId);
        } catch (IOException e) {
            throw new IllegalStateException("The vault master key file " + file.toAbsolutePath() + " cannot be read", e);
        }
    }

    /** Never echoes a key, or a line that might be one, in its errors. */
    public static MasterKeyring parse(String content, Optional<String> activeKeyId) {
        List<String> lines = content.lines().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        if (lines.isEmpty()) {
            throw new IllegalStateException("The vault master key file holds no key");
        }
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        if (lines.size() == 1 && isBareBase64(lines.get(0))) {
            keys.put(SINGLE_KEY_ID, decode(SINGLE_KEY_ID, lines.get(0)));
        } else {
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                int separator = line.indexOf('=');
                String keyId = separator > 0 ? line.substring(0, separator).strip() : "";
                if (!keyId.matches(KEY_ID_PATTERN)) {
                    throw new IllegalStateException("Line " + (i + 1) + " of the vault master key file is not "
                            + "<keyId>=<base64 of 32 bytes> (key ids: letters, digits, '.', '_', '-')");
                }
                if (keys.put(keyId, decode(keyId, line.substring(separator + 1).strip())) != null) {
                    throw new IllegalStateException("The vault master key file names key " + keyId + " twice");
                }
            }
        }
        String active = activeKeyId.map(String::strip).filter(id -> !id.isEmpty())
                .orElseGet(() -> List.copyOf(keys.keySet()).get(keys.size() - 1));
        if (!keys.containsKey(active)) {
            throw new IllegalStateException("tradeplex.vault.active-key-id names " + active
                    + ", which is not in the master key file (it holds " + String.join(", ", keys.keySet()) + ")");
        }
        return new MasterKeyring(keys, active);
    }

    /** The same keys with another one active, as an operator's new {@code active-key-id} would give. */
    public MasterKeyring withActive(String keyId) {
        if (!keys.containsKey(keyId)) {
            throw new IllegalArgumentException("No master key " + keyId + " in the ring");
        }
        return new MasterKeyring(keys, keyId);
    }

    public String activeKeyId() {
        return activeKeyId;
    }

    SecretKey active() {
        return keys.get(activeKeyId);
    }

    /** @throws VaultException when a record names a key the ring no longer holds */
    SecretKey key(String keyId) {
        SecretKey key = keys.get(keyId);
        if (key == null) {
            throw new VaultException("Master key " + keyId + " is not in the keyring: add it back to unwrap its records");
        }
        return key;
    }

    @Override
    public String toString() {
        return "MasterKeyring[keys=" + keys.keySet() + ", active=" + activeKeyId + "]";
    }

    /** Base64 has '=' only as trailing padding, so a line without an inner '=' is a bare key, not {@code id=key}. */
    private static boolean isBareBase64(String line) {
        return line.matches("[A-Za-z0-9+/]+={0,2}");
    }

    private static SecretKey decode(String keyId, String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Vault master key " + keyId + " is not valid base64");
        }
        if (bytes.length != KEY_BYTES) {
            throw new IllegalStateException("Vault master key " + keyId + " has " + bytes.length + " bytes; AES-256 "
                    + "needs " + KEY_BYTES + " (generate one with: openssl rand -base64 32)");
        }
        return new SecretKeySpec(bytes, "AES");
    }
}
