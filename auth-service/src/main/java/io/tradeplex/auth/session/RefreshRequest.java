package io.tradeplex.auth.session;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The size bound only guards against absurd bodies; anything not shaped like a refresh token is a plain 401. */
public record RefreshRequest(@NotBlank @Size(max = 8192) String refreshToken) {
    @Override
    public String toString() {
        return "RefreshRequest[***]";
    }
}
