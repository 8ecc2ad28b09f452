package dev.ecsdeck.ui.logs;

import java.util.Arrays;
import java.util.List;

/**
 * A bounded ring of log lines: once full, each new line drops the oldest. Counts lines received and
 * dropped. Lines also have a sequence number (the how-many-th line received, from 0), which stays
 * valid while the ring turns: filtered views index lines by it. Not thread-safe: the view model
 * fills it on the FX thread, in drains.
 * <p>
 * Filled by {@link #merge}, the lines stay in timestamp order: a line older than the newest held
 * (a task that joined a service's tail late, a late-ingested event) goes in at its place, and the
 * lines after it move one sequence number on; the {@link Merge} tells views where every line went.
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

    /**
     * Takes in lines sorted by timestamp, each at its place among the lines held (after those of the
     * same instant); costs the lines added plus those held after the oldest of them.
     */
    public Merge merge(List<LogLine> sorted) {
        long oldFirst = firstSeq();
        int oldSize = size;
        if (sorted.isEmpty()) {
            return new Merge(received, new long[0], oldFirst, oldSize, oldFirst);
        }
        int pos = firstNewerThan(sorted.get(0).timestamp());
        long from = oldFirst + pos;
        LogLine[] after = new LogLine[size - pos];
        for (int i = 0; i < after.length; i++) {
            after[i] = get(pos + i);
        }
        // Take the later lines off (not dropped: they go back in below, in order with the new ones).
        size = pos;
        received -= after.length;
        long[] insertedBefore = new long[sorted.size()];
        int inserted = 0;
        int a = 0;
        int b = 0;
        while (a < after.length || b < sorted.size()) {
            if (b == sorted.size() || (a < after.length && after[a].timestamp() <= sorted.get(b).timestamp())) {
                add(after[a++]);
            } else {
                if (a < after.length) {
                    insertedBefore[inserted++] = from + a;
                }
                add(sorted.get(b++));
            }
        }
        return new Merge(from, Arrays.copyOf(insertedBefore, inserted), oldFirst, oldSize, firstSeq());
    }

    /** The index of the first line held newer than {@code timestamp} ({@link #size()} when none is). */
    private int firstNewerThan(long timestamp) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (get(mid).timestamp() <= timestamp) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * What a {@link #merge} changed, in the numbering before it: the lines from sequence number
     * {@code from} on moved or are new; {@code insertedBefore} holds, ascending, the sequence number
     * of the line each line put among older ones went before. The buffer held {@code oldSize} lines
     * from {@code oldFirst} before, and holds lines from {@code newFirst} after.
     */
    public record Merge(long from, long[] insertedBefore, long oldFirst, int oldSize, long newFirst) {
        /** Lines only appended from {@code from} on, to a buffer that held {@code oldSize} lines and now starts at {@code newFirst}. */
        static Merge appended(long from, int oldSize, long newFirst) {
            return new Merge(from, new long[0], from - oldSize, oldSize, newFirst);
        }

        /** The sequence number now of the line numbered {@code oldSeq} before (below {@code newFirst}: it left). */
        public long moved(long oldSeq) {
            if (oldSeq < from) {
                return oldSeq;
            }
            int lo = 0;
            int hi = insertedBefore.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (insertedBefore[mid] <= oldSeq) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return oldSeq + lo;
        }

        /** Where the line at index {@code oldIndex} (of the lines held before) is now, or -1 when it left. */
        public int movedIndex(int oldIndex) {
            long seq = moved(oldFirst + oldIndex);
            return seq < newFirst ? -1 : (int) (seq - newFirst);
        }

        /** How many of the lines held before left the head. */
        public int headRemoved() {
            int lo = 0;
            int hi = oldSize;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (moved(oldFirst + mid) < newFirst) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        /** The index (once the head is removed) from which the lines held before moved or new ones came. */
        public int changedIndex() {
            long untouched = Math.max(0, Math.min(oldSize, from - oldFirst));
            return (int) Math.max(0, untouched - headRemoved());
        }
    }

    /** The lines held, oldest first: a snapshot (references only) to write out in the background. */
    public LogLine[] toArray() {
        LogLine[] out = new LogLine[size];
        int firstPart = Math.min(size, ring.length - start);
        System.arraycopy(ring, start, out, 0, firstPart);
        System.arraycopy(ring, 0, out, firstPart, size - firstPart);
        return out;
    }

    /** The lines numbered [{@code fromSeq}, {@code toSeq}) still held: a snapshot (references only) for a background filter. */
    public LogLine[] slice(long fromSeq, long toSeq) {
        long from = Math.max(fromSeq, firstSeq());
        long to = Math.min(toSeq, received);
        LogLine[] out = new LogLine[(int) Math.max(0, to - from)];
        int i = (int) (from - firstSeq());
        int k = start + i < ring.length ? start + i : start + i - ring.length;
        int firstPart = Math.min(out.length, ring.length - k);
        System.arraycopy(ring, k, out, 0, firstPart);
        System.arraycopy(ring, 0, out, firstPart, out.length - firstPart);
        return out;
    }

    /** Empties the ring (not counted as dropped); sequence numbers never go back. */
    public void clear() {
        Arrays.fill(ring, null);
        start = 0;
        size = 0;
    }
}
