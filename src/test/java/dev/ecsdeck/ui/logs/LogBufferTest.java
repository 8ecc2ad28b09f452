package dev.ecsdeck.ui.logs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LogBufferTest {
    private static final LogOrigin TASK = new LogOrigin(0, "task", "c");

    private static LogLine line(int n) {
        return new LogLine(n, TASK, "line " + n);
    }

    @Test
    void keepsLinesInOrderUntilFull() {
        LogBuffer buffer = new LogBuffer(3);
        assertFalse(buffer.add(line(1)));
        assertFalse(buffer.add(line(2)));
        assertEquals(2, buffer.size());
        assertEquals("line 1", buffer.get(0).message());
        assertEquals("line 2", buffer.get(1).message());
        assertEquals(0, buffer.dropped());
    }

    @Test
    void dropsTheOldestOnceFullAndCountsIt() {
        LogBuffer buffer = new LogBuffer(3);
        for (int i = 1; i <= 7; i++) {
            buffer.add(line(i));
        }
        assertEquals(3, buffer.size());
        assertEquals(7, buffer.received());
        assertEquals(4, buffer.dropped());
        assertEquals("line 5", buffer.get(0).message());
        assertEquals("line 7", buffer.get(2).message());
        assertTrue(buffer.add(line(8)));
        assertEquals("line 6", buffer.get(0).message());
        assertThrows(IndexOutOfBoundsException.class, () -> buffer.get(3));
        assertThrows(IndexOutOfBoundsException.class, () -> buffer.get(-1));
    }

    @Test
    void sequenceNumbersStayValidAsTheRingWraps() {
        LogBuffer buffer = new LogBuffer(4);
        for (int i = 0; i < 10; i++) {
            buffer.add(line(i));
        }
        assertEquals(6, buffer.firstSeq());
        assertEquals("line 6", buffer.bySeq(6).message());
        assertEquals("line 9", buffer.bySeq(9).message());
        assertThrows(IndexOutOfBoundsException.class, () -> buffer.bySeq(5), "a dropped line is gone");
        assertThrows(IndexOutOfBoundsException.class, () -> buffer.bySeq(10), "a line not yet received");
    }

    @Test
    void snapshotIsOldestFirstAcrossTheWrap() {
        LogBuffer buffer = new LogBuffer(4);
        for (int i = 0; i < 6; i++) {
            buffer.add(line(i));
        }
        assertArrayEquals(new String[] {"line 2", "line 3", "line 4", "line 5"},
                Arrays.stream(buffer.toArray()).map(LogLine::message).toArray());
    }

    @Test
    void clearEmptiesWithoutCountingDropsAndKeepsNumbering() {
        LogBuffer buffer = new LogBuffer(4);
        for (int i = 0; i < 3; i++) {
            buffer.add(line(i));
        }
        buffer.clear();
        assertEquals(0, buffer.size());
        assertEquals(0, buffer.dropped());
        assertEquals(3, buffer.firstSeq());
        buffer.add(line(3));
        assertEquals("line 3", buffer.bySeq(3).message());
    }

    @Test
    void refusesACapacityBelowOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new LogBuffer(0));
        assertTrue(e.getMessage().contains("capacity"));
    }
}
