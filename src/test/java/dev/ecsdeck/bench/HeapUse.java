package dev.ecsdeck.bench;

import java.lang.management.ManagementFactory;

/** The heap the live objects take, measured the same way by every benchmark. */
final class HeapUse {
    private HeapUse() {}

    /**
     * Bytes of heap in use once garbage collection stops shrinking it (at most ten collections):
     * {@code System.gc()} is only a request, so a fixed number of calls can leave garbage counted.
     */
    static long afterCollection() {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            System.gc();
            long now = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            if (now >= used) {
                return now;
            }
            used = now;
        }
        return used;
    }
}
