package io.tradeplex.auth.totp;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A current 6-digit code, or (to disable) a recovery code. */
public record TotpCodeRequest(@NotBlank @Size(max = 64) String code) {
    @Override
    public String toString() {
        return "TotpCodeRequest[***]";
    }
}
