package io.tradeplex.auth.session;

import io.tradeplex.auth.account.EmailAddresses;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The password is not checked against the sign-up policy here: a wrong one is simply a failed login (401).
 *
 * @param totp a 6-digit authenticator code or a recovery code; needed only once the user has enabled TOTP
 */
public record LoginRequest(
        @NotBlank @Size(max = 254) String email,
        // Only a guard against absurd bodies; a long wrong password costs no more to reject than a short one.
        @NotNull @Size(max = 1024) String password,
        @Size(max = 64) String totp) {

    public LoginRequest {
        email = EmailAddresses.normalise(email);
        totp = totp == null || totp.isBlank() ? null : totp.strip();
    }

    @Override
    public String toString() {
        return "LoginRequest[email=" + email + ", password=***, totp=" + (totp == null ? "none" : "***") + "]";
    }
}
