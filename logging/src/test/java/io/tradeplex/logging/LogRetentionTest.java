package io.tradeplex.logging;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class LogRetentionTest {
    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    private static final Duration RETENTION = Duration.ofDays(14);

    @TempDir
    Path logs;

    @Test
    void deletesTheRotatedDaysPastRetentionAndNothingElse() throws IOException {
        Path active = file("order-service.log", 30);
        Path oldDay = file("order-service.log.2026-11-01", 32);
        Path oldSizeBackup = file("order-service.log.2026-11-01.1", 32);
        Path oldCompressed = file("order-service.log.2026-11-02.gz", 31);
        Path justPast = file("order-service.log.2026-11-18", 15);
        Path recentDay = file("order-service.log.2026-11-20", 13);
        Path otherService = file("user-service.log.2026-11-01", 32);
        Path lookalike = file("order-service.logger.2026-11-01", 32);

        var deleted = LogRetention.prune(active, RETENTION, NOW);

        assertThat(deleted).containsExactlyInAnyOrder(oldDay, oldSizeBackup, oldCompressed, justPast);
        assertThat(oldDay).doesNotExist();
        assertThat(oldSizeBackup).doesNotExist();
        assertThat(oldCompressed).doesNotExist();
        assertThat(justPast).doesNotExist();
        assertThat(active).exists();
        assertThat(recentDay).exists();
        assertThat(otherService).exists();
        assertThat(lookalike).exists();
    }

    @Test
    void aMissingDirectoryIsNothingToDo() throws IOException {
        assertThat(LogRetention.prune(logs.resolve("not-yet/app.log"), RETENTION, NOW)).isEmpty();
    }

    /** A file last written {@code daysAgo} days before {@link #NOW}. */
    private Path file(String name, int daysAgo) throws IOException {
        Path file = Files.writeString(logs.resolve(name), "{\"message\":\"line\"}\n");
        Files.setLastModifiedTime(file, FileTime.from(NOW.minus(Duration.ofDays(daysAgo))));
        return file;
    }
}
