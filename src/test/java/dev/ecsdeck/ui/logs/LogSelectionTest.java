package dev.ecsdeck.ui.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

class LogSelectionTest {
    private final LogSelection s = new LogSelection();

    @Test
    void aClickSelectsOneRowShiftClickARangeCtrlClickToggles() {
        s.click(5, false, false);
        assertEquals(List.of(5), s.indices());
        s.click(8, true, false);
        assertEquals(List.of(5, 6, 7, 8), s.indices());
        assertEquals(5, s.anchor());
        assertEquals(8, s.caret());
        s.click(3, true, false); // the range goes the other way from the same anchor
        assertEquals(List.of(3, 4, 5), s.indices());
        s.click(4, false, true);
        s.click(10, false, true);
        assertEquals(List.of(3, 5, 10), s.indices());
        assertTrue(s.contains(10));
        assertFalse(s.contains(4));
        s.click(12, true, true); // Ctrl+Shift adds the range from the anchor (10)
        assertEquals(List.of(3, 5, 10, 11, 12), s.indices());
        s.click(7, false, false);
        assertEquals(List.of(7), s.indices());
    }

    @Test
    void rangesMergeWhenTheyTouch() {
        s.click(2, false, false);
        s.click(4, false, true);
        s.click(3, false, true);
        assertEquals(List.of(2, 3, 4), s.indices());
        assertEquals(3, s.count());
        s.click(3, false, true); // splits the merged range again
        assertEquals(List.of(2, 4), s.indices());
    }

    @Test
    void keysMoveTheCaretAndShiftExtends() {
        int rows = 100;
        int page = 10;
        assertTrue(s.key(KeyCode.DOWN, false, false, rows, page));
        assertEquals(List.of(0), s.indices(), "Down with nothing selected takes the first row");
        s.key(KeyCode.DOWN, false, false, rows, page);
        assertEquals(List.of(1), s.indices());
        s.key(KeyCode.DOWN, true, false, rows, page);
        s.key(KeyCode.DOWN, true, false, rows, page);
        assertEquals(List.of(1, 2, 3), s.indices());
        s.key(KeyCode.UP, true, false, rows, page);
        assertEquals(List.of(1, 2), s.indices());
        s.key(KeyCode.PAGE_DOWN, false, false, rows, page);
        assertEquals(List.of(12), s.indices());
        s.key(KeyCode.PAGE_UP, true, false, rows, page);
        assertEquals(List.of(2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12), s.indices());
        s.key(KeyCode.END, false, false, rows, page);
        assertEquals(List.of(99), s.indices());
        s.key(KeyCode.DOWN, false, false, rows, page);
        assertEquals(List.of(99), s.indices(), "stays on the last row");
        s.key(KeyCode.HOME, true, false, rows, page);
        assertEquals(100, s.count());
        s.key(KeyCode.HOME, false, false, rows, page);
        s.key(KeyCode.UP, false, false, rows, page);
        assertEquals(List.of(0), s.indices(), "stays on the first row");
        assertFalse(s.key(KeyCode.LEFT, false, false, rows, page), "not a selection key");
        assertFalse(s.key(KeyCode.DOWN, false, false, 0, page), "no rows, nothing to select");
    }

    @Test
    void upFromNothingTakesTheLastRowAndCtrlASelectsEveryRowAsOneRange() {
        s.key(KeyCode.UP, false, false, 50, 10);
        assertEquals(List.of(49), s.indices());
        assertTrue(s.key(KeyCode.A, false, true, 1_000_000, 10));
        assertEquals(1_000_000, s.count());
        assertTrue(s.contains(0) && s.contains(999_999) && !s.contains(1_000_000));
        assertFalse(s.key(KeyCode.A, false, false, 50, 10), "A alone is not a selection key");
    }

    @Test
    void rowsLeavingTheHeadShiftTheSelectionAndDropRowsThatLeft() {
        s.click(3, false, false);
        s.click(6, true, false);
        s.click(20, false, true);
        s.removeHead(5);
        assertEquals(List.of(0, 1, 15), s.indices());
        assertEquals(15, s.caret());
        assertEquals(15, s.anchor());
        s.removeHead(15);
        assertEquals(List.of(0), s.indices());
        s.removeHead(1);
        assertTrue(s.isEmpty());
        assertEquals(-1, s.caret());
    }

    @Test
    void anAnchorThatLeftMovesToTheFirstSelectedRow() {
        s.click(2, false, false);
        s.click(9, true, false);
        s.removeHead(4);
        assertEquals(List.of(0, 1, 2, 3, 4, 5), s.indices());
        assertEquals(0, s.anchor());
        s.click(7, true, false);
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7), s.indices());
    }

    @Test
    void listenersHearEveryChangeButNotANoOp() {
        AtomicInteger changes = new AtomicInteger();
        s.addListener(changes::incrementAndGet);
        s.removeHead(3); // nothing selected: nothing to tell
        s.clear();
        assertEquals(0, changes.get());
        s.click(1, false, false);
        s.key(KeyCode.DOWN, false, false, 10, 5);
        s.removeHead(1);
        s.clear();
        assertEquals(4, changes.get());
        assertTrue(s.isEmpty());
    }
}
