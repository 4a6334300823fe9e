package io.tradeplex.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time of one process (user + system, from {@code /proc/<pid>/stat}) or of the whole machine (from
 * {@code /proc/stat}), in clock ticks of 1/100 s, the USER_HZ of Linux on x86 and arm64.
 */
final class ProcessCpu {
    static final double TICKS_PER_SECOND = 100;

    private ProcessCpu() {
    }

    /** @return the process's CPU ticks so far, or -1 if it cannot be read (no such process, not Linux) */
    static long ticksOf(long pid) {
        if (pid <= 0) {
            return -1;
        }
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // The command name (field 2) may hold spaces: count fields from the closing parenthesis.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException unreadable) {
            return -1;
        }
    }

    /** @return busy and total CPU ticks of the machine, all cores together, or null if unreadable */
    static long[] machine() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < fields.length; i++) {
                total += Long.parseLong(fields[i]);
            }
            long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException unreadable) {
            return null;
        }
    }
}
