package io.tradeplex.auth.totp;

/** How a login's second factor turned out. */
public enum SecondFactor {
    /** The user has no TOTP enabled. */
    NONE("none"),
    TOTP("totp"),
    RECOVERY_CODE("recovery-code"),
    REJECTED("rejected");

    private final String label;

    SecondFactor(String label) {
        this.label = label;
    }

    /** As it appears in audit details. */
    public String label() {
        return label;
    }
}
