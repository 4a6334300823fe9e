package io.tradeplex.auth.session;

/**
 * Where a login came from, as the session list shows it and throttling keys it.
 *
 * @param clientAddress see {@link io.tradeplex.auth.throttle.ClientAddress}
 * @param userAgent     as the client sent it, without control characters (they could forge lines wherever it is
 *                      shown or logged) and cut to a sane length; null if absent
 */
public record Origin(String clientAddress, String userAgent) {
    static final int MAX_USER_AGENT = 256;

    public Origin {
        if (userAgent != null) {
            userAgent = userAgent.replaceAll("\\p{Cntrl}", " ").strip();
            if (userAgent.length() > MAX_USER_AGENT) {
                userAgent = userAgent.substring(0, MAX_USER_AGENT);
            }
            if (userAgent.isEmpty()) {
                userAgent = null;
            }
        }
    }
}
