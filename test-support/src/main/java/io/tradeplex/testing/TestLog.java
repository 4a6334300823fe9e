package io.tradeplex.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.logging.Logger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The log file a Quarkus test writes through the real pipeline (the handler, its {@code redact-secrets} filter and its
 * JSON formatter; enabled in the logging module's test profile): {@value #FILE} and its rotated siblings, relative to
 * the module the tests run in, where Quarkus's JUnit extension points the file handler. For canary tests: plant a {@link #canary} secret on a real path, then
 * {@link #assertRequestLoggedWithout} it.
 */
public final class TestLog {
    public static final String FILE = "target/quarkus.log";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Logger CONTROL = Logger.getLogger(TestLog.class.getName());

    private TestLog() {
    }

    /** A value that cannot occur in a log by chance, e.g. {@code Canary-password-3f9a…}. */
    public static String canary(String what) {
        byte[] random = new byte[8];
        RANDOM.nextBytes(random);
        return "Canary-" + what + "-" + HexFormat.of().formatHex(random);
    }

    /**
     * Waits until the log has lines of the request {@code requestId}, then checks that no line of the whole file holds
     * any canary. Before that, a control: it logs a plain canary (which the filter has no reason to mask) next to a
     * named secret, and requires to find the first and not the second: the file is live and read fresh, so a leaked
     * canary would be caught, and the redact-secrets filter is on this application's file handler.
     *
     * @return the lines of that request
     */
    public static List<String> assertRequestLoggedWithout(String requestId, String... canaries) {
        String control = canary("control");
        String masked = canary("masked");
        CONTROL.info("log canary control " + control + " apiSecret=" + masked);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(lines())
                .as("the control line, with its secret masked by this application's filter")
                .anyMatch(line -> line.contains(control) && line.contains("apiSecret=[REDACTED]") && !line.contains(masked)));

        List<String> ofRequest = new ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            ofRequest.clear();
            lines().stream().filter(line -> line.contains(requestId)).forEach(ofRequest::add);
            assertThat(ofRequest).as("log lines of request %s in %s", requestId, FILE).isNotEmpty();
        });
        List<String> all = lines();
        for (String canary : canaries) {
            assertThat(all).as("log lines holding a canary").noneMatch(line -> line.contains(canary));
        }
        return ofRequest;
    }

    /** Every line written so far, oldest rotated file first. */
    public static List<String> lines() {
        Path file = Path.of(FILE);
        List<Path> files = new ArrayList<>();
        try (Stream<Path> siblings = Files.list(file.toAbsolutePath().getParent())) {
            siblings.filter(p -> p.getFileName().toString().startsWith(file.getFileName() + "."))
                    .sorted((a, b) -> b.getFileName().compareTo(a.getFileName()))
                    .forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        files.add(file);
        List<String> lines = new ArrayList<>();
        for (Path path : files) {
            try {
                if (Files.exists(path)) {
                    lines.addAll(Files.readAllLines(path, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return lines;
    }
}
