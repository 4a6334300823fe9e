package io.tradeplex.user.brokeraccount;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The request_token from Kite's login redirect. Single-use, but still a credential: toString hides it. */
public record KiteSessionRequest(
        @NotNull @Size(min = 1, max = 128) @Pattern(regexp = "[A-Za-z0-9]*", message = "must be letters and digits") String requestToken) {

    @Override
    public String toString() {
        return "KiteSessionRequest[requestToken=***]";
    }
}
