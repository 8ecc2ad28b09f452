package dev.ecsdeck.ui.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LogBufferTest {
    private static LogLine line(int n) {
        return new LogLine(n, "id" + n, 0, "task", "c", "line " + n);
    }

    @Test
    void keepsLinesInOrderUntilFull() {
        LogBuffer buffer = new LogBuffer(3);
        assertFalse(buffer.add(line(1)));
        assertFalse(buffer.add(line(2)));
        assertEquals(2, buffer.size());
        assertEquals("line 1", buffer.get(0).message());
        assertEquals("line 2", buffer.get(1).message());
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
    }
}
