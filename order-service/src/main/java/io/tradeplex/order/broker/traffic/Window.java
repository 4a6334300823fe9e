package io.tradeplex.order.broker.traffic;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One limit a broker imposes: at most {@code limit} units (orders, or request weight) in any {@code period}.
 *
 * @param limit  at least 1
 * @param period longer than zero
 */
public record Window(int limit, Duration period) {
    private static final Pattern FORMAT = Pattern.compile("\\s*(\\d+)\\s*/\\s*(\\d+)\\s*(ms|s|m|h|d)\\s*");

    public Window {
        if (limit < 1 || period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("A window needs a limit of at least 1 and a positive period");
        }
    }

    /** {@code 10/1s}, {@code 400/1m}, {@code 100/10s}, {@code 5000/1d}; units ms, s, m, h, d. */
    public static Window parse(String text) {
        Matcher matcher = FORMAT.matcher(text.toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new IllegalArgumentException("Not a rate window (like 10/1s or 400/1m): " + text);
        }
        long amount = Long.parseLong(matcher.group(2));
        Duration period = switch (matcher.group(3)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
        return new Window(Integer.parseInt(matcher.group(1)), period);
    }

    public static List<Window> parseAll(List<String> texts) {
        return texts.stream().filter(text -> !text.isBlank()).map(Window::parse).toList();
    }
}
