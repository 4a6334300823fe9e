package io.tradeplex.user.vault;

/** A record the vault cannot open or seal. Its message names keys and records, never secret material. */
public class VaultException extends IllegalStateException {
    public VaultException(String message) {
        super(message);
    }

    public VaultException(String message, Throwable cause) {
        super(message, cause);
    }
}
