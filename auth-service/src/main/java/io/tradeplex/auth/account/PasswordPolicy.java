package io.tradeplex.auth.account;

/** Length bounds of a password (NIST SP 800-63B: a long minimum, a generous maximum, no composition rules). */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;

    private PasswordPolicy() {
    }

    public static boolean acceptable(String password) {
        return password != null && password.length() >= MIN_LENGTH && password.length() <= MAX_LENGTH;
    }
}
