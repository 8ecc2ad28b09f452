package dev.ecsdeck.ui.logs;

/**
 * A bounded ring of log lines: once full, each new line drops the oldest. Counts lines received and
 * dropped. Not thread-safe: the view model fills it on the FX thread, in drains.
 */
public final class LogBuffer {
    private final LogLine[] ring;
    private int start;
    private int size;
    private long received;
    private long dropped;

    public LogBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        }
        this.ring = new LogLine[capacity];
    }

    public int capacity() {
        return ring.length;
    }

    public int size() {
        return size;
    }

    public long received() {
        return received;
    }

    public long dropped() {
        return dropped;
    }

    /** The i-th line still held, oldest first. */
    public LogLine get(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException(i + " of " + size);
        }
        return ring[(start + i) % ring.length];
    }

    /** Appends a line; returns true when it pushed the oldest one out. */
    public boolean add(LogLine line) {
        received++;
        if (size < ring.length) {
            ring[(start + size) % ring.length] = line;
            size++;
            return false;
        }
        ring[start] = line;
        start = (start + 1) % ring.length;
        dropped++;
        return true;
    }

    public void clear() {
        java.util.Arrays.fill(ring, null);
        start = 0;
        size = 0;
    }
}
