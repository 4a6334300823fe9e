package io.tradeplex.user.brokeraccount;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A live broker's API key pair as the user sends it. Goes straight into the vault; its toString shows neither part,
 * so no log line or exception message can carry them.
 */
public record CredentialsInput(
        @Size(min = 1, max = 256) @Pattern(regexp = "[\\x21-\\x7E]*", message = "must be printable ASCII without spaces") String apiKey,
        @Size(min = 1, max = 256) @Pattern(regexp = "[\\x21-\\x7E]*", message = "must be printable ASCII without spaces") String apiSecret) {

    @Override
    public String toString() {
        return "CredentialsInput[apiKey=***, apiSecret=***]";
    }
}
