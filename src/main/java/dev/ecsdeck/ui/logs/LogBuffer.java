package dev.ecsdeck.ui.logs;

import java.util.Arrays;

/**
 * A bounded ring of log lines: once full, each new line drops the oldest. Counts lines received and
 * dropped. Lines also have a sequence number (the how-many-th line received, from 0), which stays
 * valid while the ring turns: filtered views index lines by it. Not thread-safe: the view model
 * fills it on the FX thread, in drains.
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

    /** The sequence number of the oldest line held (equal to {@link #received()} when empty). */
    public long firstSeq() {
        return received - size;
    }

    /** The i-th line still held, oldest first. */
    public LogLine get(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException(i + " of " + size);
        }
        int k = start + i;
        return ring[k < ring.length ? k : k - ring.length];
    }

    /** The line with sequence number {@code seq}, which must still be held. */
    public LogLine bySeq(long seq) {
        long i = seq - firstSeq();
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("line " + seq + " is not held (" + firstSeq() + ".." + (received - 1) + ")");
        }
        return get((int) i);
    }

    /** Appends a line; returns true when it pushed the oldest one out. */
    public boolean add(LogLine line) {
        received++;
        if (size < ring.length) {
            int k = start + size;
            ring[k < ring.length ? k : k - ring.length] = line;
            size++;
            return false;
        }
        ring[start] = line;
        start = start + 1 == ring.length ? 0 : start + 1;
        dropped++;
        return true;
    }

    /** The lines held, oldest first: a snapshot (references only) to write out in the background. */
    public LogLine[] toArray() {
        LogLine[] out = new LogLine[size];
        int firstPart = Math.min(size, ring.length - start);
        System.arraycopy(ring, start, out, 0, firstPart);
        System.arraycopy(ring, 0, out, firstPart, size - firstPart);
        return out;
    }

    /** Empties the ring (not counted as dropped); sequence numbers never go back. */
    public void clear() {
        Arrays.fill(ring, null);
        start = 0;
        size = 0;
    }
}
