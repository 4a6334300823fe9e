package io.tradeplex.logging;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Deletes the rotated files of the application's log file ({@code quarkus.log.file.path} plus any suffix: the daily
 * {@code .yyyy-MM-dd}, its size backups {@code .1}, {@code .2}, a compression suffix) once their last write is older
 * than {@code tradeplex.logs.retention}; once a minute after start, then every day. jboss-logmanager rotates but never
 * deletes a past period's file ({@code max-backup-index} only bounds the size backups within one period), so without
 * this the days pile up. The audit trail is not here: it is user-service's activity log, with its own retention.
 */
@ApplicationScoped
public class LogRetention {
    private static final Logger LOG = Logger.getLogger(LogRetention.class);

    private final boolean fileLogging;
    private final Path logFile;
    private final Duration retention;
    private long timer = -1;

    public LogRetention(@ConfigProperty(name = "quarkus.log.file.enabled", defaultValue = "false") boolean fileLogging,
                        @ConfigProperty(name = "quarkus.log.file.path", defaultValue = "quarkus.log") Path logFile,
                        @ConfigProperty(name = "tradeplex.logs.retention", defaultValue = "14d") Duration retention) {
        if (retention.compareTo(Duration.ofDays(1)) < 0) {
            throw new IllegalArgumentException("tradeplex.logs.retention must be at least one day");
        }
        this.fileLogging = fileLogging;
        this.logFile = logFile;
        this.retention = retention;
    }

    void schedule(@Observes StartupEvent started, Vertx vertx) {
        if (!fileLogging) {
            return;
        }
        // A daily timer rather than a scheduler extension, as for the activity log: one job, and a restart runs it too.
        vertx.setTimer(Duration.ofMinutes(1).toMillis(), first -> pruneNow(vertx));
        timer = vertx.setPeriodic(Duration.ofDays(1).toMillis(), id -> pruneNow(vertx));
    }

    void stop(@Observes ShutdownEvent stopping, Vertx vertx) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    private void pruneNow(Vertx vertx) {
        vertx.executeBlocking(() -> prune(logFile, retention, Instant.now())).onComplete(done -> {
            if (done.succeeded()) {
                LOG.infof("Log retention: deleted %d files of %s older than %s", done.result().size(), logFile, retention);
            } else {
                LOG.warn("Log retention failed; it runs again tomorrow", done.cause());
            }
        });
    }

    /**
     * Deletes every rotated sibling of {@code active} (its name plus a suffix, in its directory) last written before
     * {@code now - retention}; never the active file itself nor any other file.
     *
     * @return the files deleted
     */
    static List<Path> prune(Path active, Duration retention, Instant now) throws IOException {
        Path directory = active.toAbsolutePath().getParent();
        String rotatedPrefix = active.getFileName() + ".";
        Instant cutoff = now.minus(retention);
        List<Path> deleted = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return deleted;
        }
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (file.getFileName().toString().startsWith(rotatedPrefix) && Files.isRegularFile(file)
                        && Files.getLastModifiedTime(file).toInstant().isBefore(cutoff)) {
                    Files.deleteIfExists(file);
                    deleted.add(file);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return deleted;
    }
}
