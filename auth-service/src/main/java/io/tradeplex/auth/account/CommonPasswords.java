package io.tradeplex.auth.account;

import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The common-password list shipped in {@code passwords/common-passwords.txt} (see the README beside it for its source,
 * licence and the matching rule). Loaded once at start: a missing list must stop the service, not silently let every
 * password through.
 */
@Startup
@Singleton
public class CommonPasswords {
    static final String RESOURCE = "passwords/common-passwords.txt";
    private final Set<String> passwords;

    public CommonPasswords() {
        this.passwords = load();
    }

    /**
     * True when the password, lower-cased, is on the list, or becomes a listed word by dropping trailing digits and
     * symbols one at a time: {@code password123456} is as guessable as {@code password}.
     */
    public boolean isCommon(String password) {
        String candidate = password.toLowerCase(Locale.ROOT);
        while (!candidate.isEmpty()) {
            if (passwords.contains(candidate)) {
                return true;
            }
            int last = candidate.codePointBefore(candidate.length());
            if (Character.isLetter(last)) {
                return false;
            }
            candidate = candidate.substring(0, candidate.length() - Character.charCount(last));
        }
        return false;
    }

    int size() {
        return passwords.size();
    }

    private static Set<String> load() {
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("The common-password list " + RESOURCE + " is missing");
        }
        Set<String> loaded = new HashSet<>(40_000);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String entry = line.strip().toLowerCase(Locale.ROOT);
                if (!entry.isEmpty()) {
                    loaded.add(entry);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
        return Set.copyOf(loaded);
    }
}
