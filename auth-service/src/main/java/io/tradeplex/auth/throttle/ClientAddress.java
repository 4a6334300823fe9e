package io.tradeplex.auth.throttle;

import java.util.regex.Pattern;

/**
 * The address a request came from, for throttling and the session list. The gateway replaces any client-sent
 * {@code X-Forwarded-For} with the peer it saw, so the first entry is the client; without the header (a direct call,
 * as in tests) the TCP peer is used.
 */
public final class ClientAddress {
    private static final Pattern IP = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private ClientAddress() {
    }

    public static String of(String forwardedFor, String peer) {
        if (forwardedFor != null && !forwardedFor.isBlank()) {
            String first = forwardedFor.split(",", 2)[0].strip();
            if (IP.matcher(first).matches()) {
                return first;
            }
        }
        return peer != null && IP.matcher(peer).matches() ? peer : "unknown";
    }
}
