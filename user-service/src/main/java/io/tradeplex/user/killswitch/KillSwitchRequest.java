package io.tradeplex.user.killswitch;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Why trading halts (or resumes): shown to the user, kept in the audit trail. */
public record KillSwitchRequest(
        @NotBlank @Size(max = 500) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters")
        String reason) {
}
