package io.tradeplex.auth.account;

import java.util.Locale;

/** One spelling per mailbox, so {@code Ana@Example.com } and {@code ana@example.com} are the same account. */
public final class EmailAddresses {
    private EmailAddresses() {
    }

    public static String normalise(String email) {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }
}
