package io.tradeplex.logging;

import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.formatters.JsonFormatter;
import org.jboss.logmanager.formatters.PatternFormatter;
import org.jboss.logmanager.formatters.StructuredFormatter;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.logging.Formatter;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;

/** A secret in an exception's message, or its causes', never reaches what the formatters print. */
class RedactedThrowablesTest {
    private static final String CANARY = "Canary-s3cr3t-e9a2";

    @Test
    void masksTheMessageAndKeepsTypeAndFrames() {
        IllegalStateException thrown = new IllegalStateException("broker refused apiSecret=" + CANARY);

        Throwable logged = filtered(thrown).getThrown();

        assertThat(logged).isExactlyInstanceOf(IllegalStateException.class)
                .hasMessage("broker refused apiSecret=[REDACTED]");
        assertThat(logged.getStackTrace()).isEqualTo(thrown.getStackTrace());
    }

    @Test
    void masksEveryCauseAndSuppressedAndKeepsTheChainShape() {
        IOException root = new IOException("GET /session?access_token=" + CANARY);
        RuntimeException thrown = new RuntimeException("order 42 not placed", new UncheckedIOException("kite", root));
        thrown.addSuppressed(new IllegalArgumentException("password=" + CANARY));

        Throwable logged = filtered(thrown).getThrown();

        assertThat(logged).isNotSameAs(thrown).isExactlyInstanceOf(RuntimeException.class).hasMessage("order 42 not placed");
        assertThat(logged.getCause()).isExactlyInstanceOf(UncheckedIOException.class);
        assertThat(logged.getCause().getCause()).isExactlyInstanceOf(IOException.class)
                .hasMessage("GET /session?access_token=[REDACTED]");
        assertThat(logged.getCause().getCause().getStackTrace()).isEqualTo(root.getStackTrace());
        assertThat(logged.getSuppressed()).singleElement().isExactlyInstanceOf(IllegalArgumentException.class);
        assertThat(printed(logged)).doesNotContain(CANARY)
                .contains("Caused by: java.io.UncheckedIOException: kite")
                .contains("Suppressed: java.lang.IllegalArgumentException: password=[REDACTED]");
    }

    @Test
    void printsTheOriginalTypeWhenItCannotBeRebuilt() {
        Throwable thrown = new WithoutMessageConstructor(42, "token=" + CANARY);

        Throwable logged = filtered(thrown).getThrown();

        assertThat(logged).isInstanceOf(RedactedThrowables.RedactedException.class);
        assertThat(logged.toString()).isEqualTo(WithoutMessageConstructor.class.getName() + ": token=[REDACTED]");
        assertThat(logged.getStackTrace()).isEqualTo(thrown.getStackTrace());
    }

    @Test
    void leavesACleanChainAlone() {
        IllegalStateException thrown = new IllegalStateException("no tick for BTC-USD", new IOException("timeout"));

        assertThat(filtered(thrown).getThrown()).isSameAs(thrown);
    }

    @Test
    void endsACycleInTheChain() {
        IllegalStateException first = new IllegalStateException("secret=" + CANARY);
        IllegalArgumentException second = new IllegalArgumentException("second", first);
        first.initCause(second);

        Throwable logged = filtered(first).getThrown();

        assertThat(logged).hasMessage("secret=[REDACTED]");
        assertThat(printed(logged)).doesNotContain(CANARY);
    }

    @Test
    void neitherTheJsonNorThePatternFormatterPrintsTheSecret() {
        Exception thrown = new IllegalStateException("wrapped", new IOException("refresh_token=" + CANARY));
        JsonFormatter json = new JsonFormatter();
        json.setExceptionOutputType(StructuredFormatter.ExceptionOutputType.DETAILED_AND_FORMATTED);
        PatternFormatter pattern = new PatternFormatter("%s%e%n");

        // the control: without the filter both print the secret, so the assertions below can fail
        assertThat(format(json, record(thrown))).contains(CANARY);
        assertThat(format(pattern, record(thrown))).contains(CANARY);

        String jsonLine = format(json, filtered(thrown));
        String textLines = format(pattern, filtered(thrown));

        assertThat(jsonLine).doesNotContain(CANARY)
                .contains("\"exceptionType\":\"java.io.IOException\"").contains("refresh_token=[REDACTED]");
        assertThat(textLines).doesNotContain(CANARY)
                .contains("Caused by: java.io.IOException: refresh_token=[REDACTED]")
                .contains("at " + RedactedThrowablesTest.class.getName());
    }

    private static ExtLogRecord record(Throwable thrown) {
        ExtLogRecord record = new ExtLogRecord(Level.SEVERE, "order failed", RedactedThrowablesTest.class.getName());
        record.setThrown(thrown);
        return record;
    }

    private static ExtLogRecord filtered(Throwable thrown) {
        ExtLogRecord record = record(thrown);
        assertThat(new SecretRedactingFilter().isLoggable(record)).isTrue();
        return record;
    }

    private static String format(Formatter formatter, ExtLogRecord record) {
        return formatter.format(record);
    }

    private static String printed(Throwable thrown) {
        StringWriter out = new StringWriter();
        thrown.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    /** Like many library exceptions: its message is composed from fields, so it has no {@code (String)} constructor. */
    static final class WithoutMessageConstructor extends RuntimeException {
        WithoutMessageConstructor(int code, String detail) {
            super(detail);
        }
    }
}
