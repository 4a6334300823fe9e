package io.tradeplex.user.brokeraccount;

import java.util.Arrays;
import java.util.Locale;

/** The brokers an account can be held at. Only paper can be linked until credential encryption and adapters land. */
public enum Broker {
    PAPER(true),
    BINANCE(false),
    KITE(false);

    /** Keep in step with the constants: Bean Validation needs the pattern at compile time. */
    static final String PATTERN = "paper|binance|kite";

    private final boolean linkable;

    Broker(boolean linkable) {
        this.linkable = linkable;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean linkable() {
        return linkable;
    }

    public static Broker fromWire(String value) {
        return Arrays.stream(values()).filter(broker -> broker.wire().equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown broker " + value));
    }
}
