package io.tradeplex.user.killswitch;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Optional body of a reset: why trading may resume, for the audit trail. */
public record ResetRequest(
        @Size(max = 500) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters") String reason) {
}
