package io.tradeplex.logging;

import java.lang.reflect.Constructor;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Copies of a thrown exception whose messages are masked. The formatters print a record's throwable themselves (the
 * JSON formatter as type, message and frames; the text pattern's {@code %e} through its {@code toString()}), after the
 * filter ran on the message, so a secret in an exception message would reach the log untouched.
 * <p>
 * A throwable's message and cause cannot be changed, so the whole chain (causes and suppressed) is copied, frame for
 * frame. Each copy is of the same class when a public constructor can rebuild it with the masked message and the copied
 * cause; otherwise it is a {@link RedactedException} that prints the original class name. A chain with nothing to
 * mask is returned as it is: the usual exception costs one scan of its messages.
 */
final class RedactedThrowables {
    private RedactedThrowables() {
    }

    /** {@code thrown} itself if no message in its chain holds a secret, otherwise a masked copy of the chain. */
    static Throwable redact(Throwable thrown) {
        if (!holdsSecret(thrown, Collections.newSetFromMap(new IdentityHashMap<>()))) {
            return thrown;
        }
        return copy(thrown, new IdentityHashMap<>());
    }

    private static boolean holdsSecret(Throwable t, Set<Throwable> seen) {
        if (t == null || !seen.add(t)) {
            return false;
        }
        String message = t.getMessage();
        if (message != null && !SecretRedactingFilter.mask(message).equals(message)) {
            return true;
        }
        if (holdsSecret(t.getCause(), seen)) {
            return true;
        }
        return Arrays.stream(t.getSuppressed()).anyMatch(s -> holdsSecret(s, seen));
    }

    /**
     * {@code copies} maps each original to its copy, null while that copy is being made: a cycle in the chain (possible
     * through {@code initCause}) ends there instead of recursing forever.
     */
    private static Throwable copy(Throwable original, Map<Throwable, Throwable> copies) {
        if (copies.containsKey(original)) {
            return copies.get(original);
        }
        copies.put(original, null);
        Throwable cause = original.getCause() == null ? null : copy(original.getCause(), copies);
        String message = original.getMessage() == null ? null : SecretRedactingFilter.mask(original.getMessage());
        Throwable copy = sameType(original, message, cause);
        if (copy == null) {
            copy = new RedactedException(original.getClass().getName(), message);
            copy.setStackTrace(original.getStackTrace());
            if (cause != null) {
                copy.initCause(cause);
            }
        }
        copies.put(original, copy);
        for (Throwable suppressed : original.getSuppressed()) {
            Throwable suppressedCopy = copy(suppressed, copies);
            if (suppressedCopy != null && suppressedCopy != copy) {
                copy.addSuppressed(suppressedCopy);
            }
        }
        return copy;
    }

    /**
     * A new instance of the original's class with {@code message} and {@code cause}, through its public
     * {@code (String)} or {@code (String, <cause's type>)} constructor; null when there is none or the instance would not
     * print what we expect (a class that composes its own message, sets its own cause or keeps no frames).
     */
    private static Throwable sameType(Throwable original, String message, Throwable cause) {
        try {
            Throwable candidate = null;
            for (Constructor<?> constructor : original.getClass().getConstructors()) {
                Class<?>[] parameters = constructor.getParameterTypes();
                if (cause != null && parameters.length == 2 && parameters[0] == String.class
                        && parameters[1].isInstance(cause)) {
                    candidate = (Throwable) constructor.newInstance(message, cause);
                    break;
                }
            }
            if (candidate == null) {
                candidate = original.getClass().getConstructor(String.class).newInstance(message);
                if (cause != null) {
                    candidate.initCause(cause);
                }
            }
            if (!Objects.equals(candidate.getMessage(), message) || candidate.getCause() != cause) {
                return null;
            }
            candidate.setStackTrace(original.getStackTrace());
            return candidate.getStackTrace().length == original.getStackTrace().length ? candidate : null;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null;
        }
    }

    /** Stands in for an exception whose class we cannot instantiate; prints as that class would. */
    static final class RedactedException extends RuntimeException {
        private final String originalType;

        RedactedException(String originalType, String message) {
            super(message);
            this.originalType = originalType;
        }

        @Override
        public String toString() {
            String message = getLocalizedMessage();
            return message == null ? originalType : originalType + ": " + message;
        }
    }
}
