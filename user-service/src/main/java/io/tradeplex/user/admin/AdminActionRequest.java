package io.tradeplex.user.admin;

import jakarta.validation.constraints.Size;

/** Optional body of an administrator's change to a user: why, for the audit trail. */
public record AdminActionRequest(@Size(max = 500) String reason) {
}
