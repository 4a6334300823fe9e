package io.tradeplex.order.broker.traffic;

import io.tradeplex.contracts.users.UserState;

/**
 * How an account's broker calls leave the platform, as an operator pinned it: through an outbound proxy, from a local
 * source address, or (both null) the host's default route.
 *
 * @param proxy         {@code http://host:port} or {@code socks5://host:port}
 * @param sourceAddress a local IP address to connect from
 */
public record Egress(String proxy, String sourceAddress) {
    public static final Egress DIRECT = new Egress(null, null);

    public static Egress of(UserState.Egress published) {
        return published == null ? DIRECT : new Egress(published.proxy(), published.sourceAddress());
    }

    /**
     * The address the broker sees, which is what per-IP limits count: the proxy's when there is one (the source
     * address then only picks how we reach the proxy), else the source address, else the host's own.
     */
    public String budgetKey() {
        if (proxy != null) {
            return "proxy=" + proxy;
        }
        return sourceAddress != null ? "source=" + sourceAddress : "direct";
    }
}
