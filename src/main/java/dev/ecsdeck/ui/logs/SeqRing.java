package dev.ecsdeck.ui.logs;

import java.util.Arrays;

/** A growable ring of longs: appended at the tail, removed from the head, read by index. */
final class SeqRing {
    private long[] items = new long[1024];
    private int head;
    private int size;

    int size() {
        return size;
    }

    long get(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException(i + " of " + size);
        }
        return items[(head + i) & (items.length - 1)];
    }

    long first() {
        return get(0);
    }

    void add(long value) {
        if (size == items.length) {
            long[] grown = new long[items.length * 2];
            for (int i = 0; i < size; i++) {
                grown[i] = get(i);
            }
            items = grown;
            head = 0;
        }
        items[(head + size) & (items.length - 1)] = value;
        size++;
    }

    /** Appends {@code values[from..to)} at once (a new filter's matches: no growth step per value). */
    void addAll(long[] values, int from, int to) {
        int n = to - from;
        if (size + n > items.length) {
            int capacity = items.length;
            while (capacity < size + n) {
                capacity *= 2;
            }
            long[] grown = new long[capacity];
            for (int i = 0; i < size; i++) {
                grown[i] = get(i);
            }
            items = grown;
            head = 0;
        }
        int at = (head + size) & (items.length - 1);
        int firstPart = Math.min(n, items.length - at);
        System.arraycopy(values, from, items, at, firstPart);
        System.arraycopy(values, from + firstPart, items, 0, n - firstPart);
        size += n;
    }

    void removeFirst() {
        if (size == 0) {
            throw new IllegalStateException("empty");
        }
        head = (head + 1) & (items.length - 1);
        size--;
    }

    /** Keeps the first {@code newSize} items. */
    void truncate(int newSize) {
        if (newSize < 0 || newSize > size) {
            throw new IndexOutOfBoundsException(newSize + " of " + size);
        }
        size = newSize;
    }

    long last() {
        return get(size - 1);
    }

    void clear() {
        items = new long[1024];
        head = 0;
        size = 0;
    }

    @Override
    public String toString() {
        long[] out = new long[size];
        for (int i = 0; i < size; i++) {
            out[i] = get(i);
        }
        return Arrays.toString(out);
    }
}
