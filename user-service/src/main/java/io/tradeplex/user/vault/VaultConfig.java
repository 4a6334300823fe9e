package io.tradeplex.user.vault;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/** The credential vault's master keys. */
@ConfigMapping(prefix = "tradeplex.vault")
public interface VaultConfig {
    /**
     * The master keyring file ({@code TRADEPLEX_VAULT_MASTER_KEY_FILE}; a Kubernetes Secret mounted as a file): either
     * one base64 line of 32 bytes (key id {@code k1}, as {@code infra/platform} writes it) or lines
     * {@code <keyId>=<base64>}.
     */
    Optional<String> masterKeyFile();

    /** The key new secrets are wrapped under and rotate-keys re-wraps to; the file's last key when unset. */
    Optional<String> activeKeyId();

    /** How many records one rotate-keys transaction re-wraps: short transactions keep the service serving. */
    @WithDefault("200")
    int rotationBatchSize();
}
