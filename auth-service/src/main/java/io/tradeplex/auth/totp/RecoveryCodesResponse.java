package io.tradeplex.auth.totp;

import java.util.List;

/** Shown once, when TOTP is enabled; only their hashes are kept. */
public record RecoveryCodesResponse(List<String> recoveryCodes) {
    @Override
    public String toString() {
        return "RecoveryCodesResponse[***]";
    }
}
