package io.tradeplex.user.brokeraccount;

import java.util.Arrays;
import java.util.Locale;

/** The brokers an account can be held at. */
public enum Broker {
    PAPER(false),
    BINANCE(true),
    KITE(true);

    /** Keep in step with the constants: Bean Validation needs the pattern at compile time. */
    static final String PATTERN = "paper|binance|kite";

    private final boolean needsCredentials;

    Broker(boolean needsCredentials) {
        this.needsCredentials = needsCredentials;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Live brokers need the user's API key and secret; the paper broker is ours and needs none. */
    public boolean needsCredentials() {
        return needsCredentials;
    }

    public static Broker fromWire(String value) {
        return Arrays.stream(values()).filter(broker -> broker.wire().equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown broker " + value));
    }
}
