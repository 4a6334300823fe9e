package io.tradeplex.auth.session;

import io.tradeplex.auth.token.AccessTokenIssuer;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.UUID;

/** Reads the session id out of a verified access token. */
final class SessionClaims {
    private SessionClaims() {
    }

    /** @return null for a token not issued by a login (no or malformed {@code sid}) */
    static UUID sessionId(JsonWebToken token) {
        Object sid = token.getClaim(AccessTokenIssuer.SESSION_CLAIM);
        if (sid == null) {
            return null;
        }
        try {
            return UUID.fromString(sid instanceof JsonString json ? json.getString() : sid.toString());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
