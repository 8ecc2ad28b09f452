package dev.ecsdeck.ui.logs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntUnaryOperator;
import javafx.scene.input.KeyCode;

/**
 * Which rows of a log view are selected, by row index: disjoint ranges (a million rows selected by
 * Ctrl+A are one range), the anchor a Shift range starts from and the caret, the row last moved to.
 * Clicks and keys act as in a list: click, Shift+click, Ctrl+click; Up/Down/Home/End/PageUp/PageDown,
 * with Shift to extend; Ctrl+A. Rows leaving the head shift every index down.
 */
final class LogSelection {
    /** from → to (exclusive), sorted, neither overlapping nor touching. */
    private final TreeMap<Integer, Integer> ranges = new TreeMap<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private int anchor = -1;
    private int caret = -1;

    /** Called after every change (to restyle the rows on screen, show the caret's line). */
    void addListener(Runnable listener) {
        listeners.add(listener);
    }

    boolean contains(int index) {
        Map.Entry<Integer, Integer> r = ranges.floorEntry(index);
        return r != null && index < r.getValue();
    }

    /** The row last clicked or moved to, or -1. */
    int caret() {
        return caret;
    }

    int anchor() {
        return anchor;
    }

    boolean isEmpty() {
        return ranges.isEmpty();
    }

    int count() {
        int n = 0;
        for (Map.Entry<Integer, Integer> r : ranges.entrySet()) {
            n += r.getValue() - r.getKey();
        }
        return n;
    }

    /** The selected ranges [from, to) of row indices, ascending. */
    List<int[]> ranges() {
        List<int[]> out = new ArrayList<>(ranges.size());
        ranges.forEach((from, to) -> out.add(new int[] {from, to}));
        return out;
    }

    /** The selected row indices, ascending. */
    List<Integer> indices() {
        List<Integer> out = new ArrayList<>(count());
        for (Map.Entry<Integer, Integer> r : ranges.entrySet()) {
            for (int i = r.getKey(); i < r.getValue(); i++) {
                out.add(i);
            }
        }
        return out;
    }

    /** A click on a row: selects it alone; with Shift, the rows from the anchor to it; with Ctrl, toggles it. */
    void click(int index, boolean shift, boolean shortcut) {
        if (index < 0) {
            return;
        }
        if (shift && anchor >= 0) {
            if (!shortcut) {
                ranges.clear();
            }
            add(Math.min(anchor, index), Math.max(anchor, index) + 1);
            caret = index;
        } else if (shortcut) {
            if (contains(index)) {
                remove(index, index + 1);
            } else {
                add(index, index + 1);
            }
            anchor = index;
            caret = index;
        } else {
            ranges.clear();
            add(index, index + 1);
            anchor = index;
            caret = index;
        }
        changed();
    }

    /**
     * A key on a view of {@code rows} rows showing about {@code page} of them at once; returns whether
     * the key was one of the selection's (then the caret's row should be brought into view).
     */
    boolean key(KeyCode code, boolean shift, boolean shortcut, int rows, int page) {
        if (rows <= 0) {
            return false;
        }
        if (code == KeyCode.A && shortcut) {
            ranges.clear();
            add(0, rows);
            if (caret < 0 || caret >= rows) {
                caret = rows - 1;
            }
            if (anchor < 0 || anchor >= rows) {
                anchor = 0;
            }
            changed();
            return true;
        }
        int from = caret < 0 || caret >= rows ? -1 : caret;
        int step = Math.max(1, page);
        int to = switch (code) {
            case UP -> from < 0 ? rows - 1 : from - 1;
            case DOWN -> from < 0 ? 0 : from + 1;
            case PAGE_UP -> from < 0 ? rows - 1 : from - step;
            case PAGE_DOWN -> from < 0 ? 0 : from + step;
            case HOME -> 0;
            case END -> rows - 1;
            default -> Integer.MIN_VALUE;
        };
        if (to == Integer.MIN_VALUE) {
            return false;
        }
        to = Math.max(0, Math.min(rows - 1, to));
        if (shift && anchor >= 0 && anchor < rows) {
            ranges.clear();
            add(Math.min(anchor, to), Math.max(anchor, to) + 1);
            caret = to;
            changed();
        } else {
            click(to, false, false);
        }
        return true;
    }

    void clear() {
        if (ranges.isEmpty() && anchor < 0 && caret < 0) {
            return;
        }
        ranges.clear();
        anchor = -1;
        caret = -1;
        changed();
    }

    /** {@code removed} rows left the head: every index moves down by as many; rows that left are no longer selected. */
    void removeHead(int removed) {
        if (removed > 0) {
            move(i -> i - removed < 0 ? -1 : i - removed);
        }
    }

    /**
     * The rows moved ({@code move}: old index to new, -1 when the row left): each range keeps its first and last rows (and the rows that came
     * in between), the anchor and caret theirs; rows that left are no longer selected.
     */
    void move(IntUnaryOperator move) {
        if (ranges.isEmpty() && anchor < 0 && caret < 0) {
            return;
        }
        TreeMap<Integer, Integer> moved = new TreeMap<>();
        for (Map.Entry<Integer, Integer> r : ranges.entrySet()) {
            int last = move.applyAsInt(r.getValue() - 1);
            if (last >= 0) {
                moved.put(Math.max(0, move.applyAsInt(r.getKey())), last + 1);
            }
        }
        TreeMap<Integer, Integer> before = new TreeMap<>(ranges);
        int anchorBefore = anchor;
        int caretBefore = caret;
        ranges.clear();
        moved.forEach(this::add);
        int a = anchor < 0 ? -1 : move.applyAsInt(anchor);
        anchor = a < 0 ? (ranges.isEmpty() ? -1 : ranges.firstKey()) : a;
        caret = caret < 0 ? -1 : Math.max(-1, move.applyAsInt(caret));
        if (!before.equals(ranges) || anchor != anchorBefore || caret != caretBefore) {
            changed();
        }
    }

    private void add(int from, int to) {
        // Merge with every range it overlaps or touches.
        Map.Entry<Integer, Integer> before = ranges.floorEntry(from);
        if (before != null && before.getValue() >= from) {
            from = before.getKey();
            to = Math.max(to, before.getValue());
        }
        Map.Entry<Integer, Integer> next = ranges.ceilingEntry(from);
        while (next != null && next.getKey() <= to) {
            to = Math.max(to, next.getValue());
            ranges.remove(next.getKey());
            next = ranges.ceilingEntry(from);
        }
        ranges.put(from, to);
    }

    private void remove(int from, int to) {
        Map.Entry<Integer, Integer> r = ranges.floorEntry(from);
        if (r == null || r.getValue() <= from) {
            return;
        }
        int start = r.getKey();
        int end = r.getValue();
        ranges.remove(start);
        if (start < from) {
            ranges.put(start, from);
        }
        if (to < end) {
            ranges.put(to, end);
        }
    }

    private void changed() {
        for (Runnable l : listeners) {
            l.run();
        }
    }
}
