package io.tradeplex.auth.verification;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The size bound only guards against absurd bodies; anything not shaped like a token is a plain 400. */
public record VerifyEmailRequest(@NotBlank @Size(max = 4096) String token) {
    @Override
    public String toString() {
        return "VerifyEmailRequest[***]";
    }
}
