package io.tradeplex.user.admin;

import jakarta.validation.constraints.Size;

/** Optional body of a grant or revocation: why, for the audit trail. */
public record PermissionChangeRequest(@Size(max = 500) String reason) {
}
