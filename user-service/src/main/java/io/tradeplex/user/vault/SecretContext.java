package io.tradeplex.user.vault;

import java.util.UUID;

/** Whose secret a ciphertext is: bound into both encryptions, so a record moved to another user, account or name fails to open. */
public record SecretContext(UUID userId, UUID accountId, String name) {
}
