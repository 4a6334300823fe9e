package io.tradeplex.user.brokers;

import io.tradeplex.kit.problem.ApiException;

import java.util.List;

/** How a broker's refusal or absence reaches our client. Details quote the broker, never the request's secrets. */
public final class BrokerErrors {
    public static final String CREDENTIALS_REJECTED = "CREDENTIALS_REJECTED";
    public static final String BROKER_UNREACHABLE = "BROKER_UNREACHABLE";
    public static final String KITE_LOGIN_FAILED = "KITE_LOGIN_FAILED";
    private static final int MAX_QUOTED = 200;

    private BrokerErrors() {
    }

    public static ApiException credentialsRejected(String broker, String why) {
        return ApiException.unprocessable(CREDENTIALS_REJECTED, broker + " rejected the credentials: " + why);
    }

    /** Retryable: nothing was stored. */
    public static ApiException unreachable(String broker, String why) {
        return new ApiException(503, "Service Unavailable", BROKER_UNREACHABLE,
                broker + " cannot be reached right now (" + why + "); nothing was stored, try again later", List.of());
    }

    public static ApiException kiteLoginFailed(String kiteMessage) {
        return ApiException.unprocessable(KITE_LOGIN_FAILED, "Kite refused the login (" + kiteMessage
                + "); log in to Kite again for a fresh request_token");
    }

    /** A broker's message is untrusted text: one line, bounded. */
    public static String quote(String message) {
        if (message == null || message.isBlank()) {
            return "no reason given";
        }
        String line = message.replaceAll("\\p{Cntrl}", " ").strip();
        return line.length() > MAX_QUOTED ? line.substring(0, MAX_QUOTED) + "…" : line;
    }
}
