package io.tradeplex.user.brokeraccount;

import java.util.Locale;

/** How much risk the account's owner accepts; its wire form is the lower-case name. */
public enum RiskTolerance {
    LOW,
    MEDIUM,
    HIGH;

    /** Keep in step with the constants: Bean Validation needs the pattern at compile time. */
    static final String PATTERN = "low|medium|high";
    static final RiskTolerance DEFAULT = MEDIUM;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
