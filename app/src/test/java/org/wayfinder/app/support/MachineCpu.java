package org.wayfinder.app.support;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time for the benchmarks: the whole machine's, from {@code /proc/stat}, and this JVM's. */
public final class MachineCpu {

    private MachineCpu() {
    }

    /** The machine's busy CPU seconds so far, all cores together; -1 where there is no {@code /proc/stat}. */
    public static double busySeconds() {
        Path stat = Path.of("/proc/stat");
        if (!Files.isReadable(stat)) {
            return -1;
        }
        try (var lines = Files.lines(stat)) {
            String[] fields = lines.filter(line -> line.startsWith("cpu ")).findFirst().orElse("").trim()
                    .split("\\s+");
            if (fields.length < 8) {
                return -1;
            }
            // user, nice, system, (idle and iowait left out), irq, softirq; in USER_HZ, 100 a second on Linux
            long ticks = Long.parseLong(fields[1]) + Long.parseLong(fields[2]) + Long.parseLong(fields[3])
                    + Long.parseLong(fields[6]) + Long.parseLong(fields[7]);
            return ticks / 100.0;
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    /** This JVM's CPU seconds so far, every thread together; -1 where the platform does not say. */
    public static double jvmSeconds() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            long nanos = os.getProcessCpuTime();
            return nanos < 0 ? -1 : nanos / 1e9;
        }
        return -1;
    }
}
