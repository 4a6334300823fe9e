package io.tradeplex.user.vault;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.nio.file.Path;

/** Loads the keyring once, at start: a missing or short master key stops the service before it takes a request. */
@ApplicationScoped
public class MasterKeyringProducer {
    private static final Logger LOG = Logger.getLogger(MasterKeyringProducer.class);

    @Produces
    @Singleton
    @Startup
    MasterKeyring keyring(VaultConfig config) {
        String file = config.masterKeyFile().map(String::strip).filter(path -> !path.isEmpty()).orElseThrow(() ->
                new IllegalStateException("The credential vault has no master key: set tradeplex.vault.master-key-file "
                        + "(TRADEPLEX_VAULT_MASTER_KEY_FILE) to a file holding one base64 line of 32 random bytes "
                        + "(openssl rand -base64 32) or lines <keyId>=<base64>"));
        MasterKeyring ring = MasterKeyring.load(Path.of(file), config.activeKeyId());
        LOG.infof("Credential vault ready: %s", ring);
        return ring;
    }
}
