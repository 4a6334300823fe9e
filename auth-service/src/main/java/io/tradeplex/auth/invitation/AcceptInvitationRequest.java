package io.tradeplex.auth.invitation;

import io.tradeplex.auth.account.PasswordPolicy;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The password bounds are sign-up's; the token's bound only guards against absurd bodies. */
public record AcceptInvitationRequest(
        @NotBlank @Size(max = 4096) String token,
        @NotNull @Size(min = PasswordPolicy.MIN_LENGTH, max = PasswordPolicy.MAX_LENGTH) String password) {

    @Override
    public String toString() {
        return "AcceptInvitationRequest[***]";
    }
}
