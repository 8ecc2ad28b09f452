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
