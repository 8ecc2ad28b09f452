package dev.ecsdeck.ui.taskdef;

import dev.ecsdeck.taskdef.ChangedSpan;
import dev.ecsdeck.taskdef.DiffEntry;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.TableCell;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * One side of a diff row, or both stacked (the old line above the new, each the column's whole
 * width): the value with its changed part highlighted; a value too long for the column is
 * shortened around the changed part (the ends go, with "…"), never through it. A changed part
 * longer than the column wraps. The whole line is in the row's tooltip.
 */
final class DiffValueCell extends TableCell<DiffEntry, DiffEntry> {
    /** What the cell shows: the old value, the new one, or both, old above new. */
    enum Shows { OLD, NEW, BOTH }

    private final Shows shows;

    DiffValueCell(Shows shows) {
        this.shows = shows;
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        getStyleClass().add("diff-value-cell");
        widthProperty().addListener((obs, was, now) -> render());
    }

    @Override
    protected void updateItem(DiffEntry entry, boolean empty) {
        super.updateItem(entry, empty);
        render();
    }

    private void render() {
        DiffEntry entry = getItem();
        if (entry == null || isEmpty()) {
            setGraphic(null);
            return;
        }
        // A few pixels spare: the changed part is bold, wider than measured.
        double room = getWidth() - snappedLeftInset() - snappedRightInset() - 6;
        if (room <= 0) {
            room = getTableColumn() == null ? 200 : getTableColumn().getWidth() - 8;
        }
        TextFlow old = shows == Shows.NEW ? null : line(entry, true, room);
        TextFlow now = shows == Shows.OLD ? null : line(entry, false, room);
        if (old != null && now != null) {
            VBox both = new VBox(2, old, now);
            both.getStyleClass().add("diff-both");
            setGraphic(both);
        } else {
            setGraphic(old != null ? old : now);
        }
    }

    /** One side's value as drawn, or null when that side has none (an added or removed path). */
    private TextFlow line(DiffEntry entry, boolean left, double room) {
        String value = left ? entry.left() : entry.right();
        if (value == null) {
            return null;
        }
        ChangedSpan.Part part;
        if (entry.change() == DiffEntry.Change.CHANGED) {
            ChangedSpan span = ChangedSpan.of(entry.left(), entry.right());
            part = left ? span.oldPart() : span.newPart();
        } else {
            // Nothing to point at: keep both ends, cut the middle.
            part = new ChangedSpan.Part(value.length() / 2, value.length() / 2);
        }
        ChangedSpan.Shortened shown = fit(value, part, room);
        Text before = text(shown.before(), "diff-value-text");
        Text after = text(shown.after(), "diff-value-text");
        // An empty changed part is left out: an empty styled Text in a flow marks the character after it as changed.
        TextFlow flow = shown.changed().isEmpty() ? new TextFlow(before, after)
                : new TextFlow(before, text(shown.changed(), "diff-value-text", "diff-changed-part", left ? "diff-old-part" : "diff-new-part"), after);
        flow.getStyleClass().addAll("diff-value", left ? "diff-old-line" : "diff-new-line");
        flow.setPrefWidth(room);
        flow.setMaxWidth(room);
        // Its height told, not asked of the flow: measured before the column has its width, it
        // came out many lines tall and kept the row so.
        Font font = getFont();
        Font bold = Font.font(font.getFamily(), FontWeight.BOLD, font.getSize());
        Text probe = new Text("Xg");
        probe.setFont(font);
        double lines = Math.max(1, Math.ceil(width(shown, font, bold) / room));
        flow.setPrefHeight(lines * probe.getLayoutBounds().getHeight());
        flow.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        flow.setMaxHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return flow;
    }

    /** The longest form of the value (from the whole one down) whose width fits the room; the changed part always stays. */
    private ChangedSpan.Shortened fit(String value, ChangedSpan.Part part, double room) {
        Font font = getFont();
        // The changed part is drawn bold: measured so, or the line's last characters wrap.
        Font bold = Font.font(font.getFamily(), FontWeight.BOLD, font.getSize());
        ChangedSpan.Shortened whole = ChangedSpan.shortened(value, part, value.length());
        if (width(whole, font, bold) <= room) {
            return whole;
        }
        int low = part.length() + 2;
        int high = value.length();
        while (low < high) {
            int mid = (low + high + 1) / 2;
            if (width(ChangedSpan.shortened(value, part, mid), font, bold) <= room) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return ChangedSpan.shortened(value, part, low);
    }

    private static double width(ChangedSpan.Shortened shown, Font font, Font bold) {
        return width(shown.before() + shown.after(), font) + width(shown.changed(), bold);
    }

    private static double width(String s, Font font) {
        Text t = new Text(s);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }

    private static Text text(String s, String... styles) {
        // The font comes from the cell by CSS (bold for the changed part).
        Text t = new Text(s);
        t.getStyleClass().addAll(styles);
        return t;
    }
}
