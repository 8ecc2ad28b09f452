package dev.ecsdeck.app;

import java.lang.management.ManagementFactory;

/**
 * {@code -Decsdeck.startupTrace=true}: prints on stderr when each phase of the start was reached, in
 * milliseconds since the JVM started ({@code STARTUP <phase> <ms>}), to see where the time to the
 * first frame goes. Off by default (then nothing is loaded or printed).
 */
final class StartupTrace {
    static final String PROPERTY = "ecsdeck.startupTrace";

    private StartupTrace() {}

    static void mark(String phase) {
        if (Boolean.getBoolean(PROPERTY)) {
            long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            System.err.println("STARTUP " + phase + " " + ms);
        }
    }
}
