package io.tradeplex.order.broker.kite;

import java.util.UUID;

/**
 * Our order id as Kite's {@code tag} (at most 20 alphanumerics): the first 20 hex digits of the order id without its
 * dashes, e.g. {@code 3f2a9c1e-7b4d-4e8a-9c2f-…} → {@code 3f2a9c1e7b4d4e8a9c2f}. That keeps 76 of the id's 122 random
 * bits, so two of our orders never share a tag in practice, and it is a pure function of the id: a lost order is
 * found by it in Kite's orderbook, and a postback's tag leads back to the order (migration V5 indexes the same
 * expression). A client order id would not do: it may be longer and use characters Kite refuses.
 */
public final class KiteTag {
    public static final int LENGTH = 20;

    private KiteTag() {
    }

    public static String of(UUID orderId) {
        return orderId.toString().replace("-", "").substring(0, LENGTH);
    }

    /** Only a tag we could have made: anything else in a postback names no order of ours. */
    public static boolean isOurs(String tag) {
        return tag != null && tag.matches("[0-9a-f]{" + LENGTH + "}");
    }
}
