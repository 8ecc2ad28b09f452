package dev.ecsdeck.ui.logs;

import java.util.function.BooleanSupplier;
import java.util.function.IntPredicate;
import java.util.function.Supplier;
import javafx.css.PseudoClass;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.fxmisc.flowless.Cell;

/**
 * One on-screen row of the log flow (cells are reused as the flow scrolls; none is kept per line):
 * time, the task and container in the task's colour, the message in its level's colour with the
 * filter's matches highlighted. Context lines are dimmed; a gap shows as "--"; a selected row has
 * the {@code :selected} pseudo-class.
 */
final class LogRowCell implements Cell<LogRow, TextFlow> {
    static final int SOURCE_COLOURS = 8;
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");

    private final Supplier<LogLineFormat> format;
    private final Supplier<LogFilter> filter;
    private final BooleanSupplier wrap;
    private final IntPredicate selected;
    private final TextFlow flow = new TextFlow();
    private LogRow row;
    private int index = -1;

    LogRowCell(LogRow row, Supplier<LogLineFormat> format, Supplier<LogFilter> filter, BooleanSupplier wrap, IntPredicate selected) {
        this.format = format;
        this.filter = filter;
        this.wrap = wrap;
        this.selected = selected;
        flow.getStyleClass().add("log-row");
        updateItem(row);
    }

    @Override
    public TextFlow getNode() {
        return flow;
    }

    @Override
    public boolean isReusable() {
        return true;
    }

    LogRow row() {
        return row;
    }

    int index() {
        return index;
    }

    @Override
    public void updateIndex(int index) {
        this.index = index;
        updateSelected();
    }

    void updateSelected() {
        flow.pseudoClassStateChanged(SELECTED, index >= 0 && selected.test(index));
    }

    @Override
    public void reset() {
        row = null;
        index = -1;
        flow.getChildren().clear();
    }

    @Override
    public void updateItem(LogRow row) {
        this.row = row;
        flow.getStyleClass().removeIf(s -> s.startsWith("log-source-") || s.equals("log-context") || s.equals("log-gap"));
        flow.getChildren().clear();
        // Wrapped, a row is as wide as the viewport and as tall as its wrapped text; unwrapped, at
        // least as wide as its text, so the flow is as wide as its longest row and scrolls sideways.
        flow.setMinWidth(wrap.getAsBoolean() ? 0 : Region.USE_PREF_SIZE);
        if (!(row instanceof LogLine line)) {
            flow.getStyleClass().add("log-gap");
            flow.getChildren().add(text(LogRow.Gap.TEXT, "log-gap-text"));
            return;
        }
        LogLineFormat f = format.get();
        String source = "log-source-" + (line.source() % SOURCE_COLOURS);
        flow.getStyleClass().add(source);
        if (f.timestamps()) {
            flow.getChildren().add(text(f.withoutOrigins().prefix(line), "log-time"));
        }
        if (f.origins()) {
            flow.getChildren().add(text(LogLineFormat.origin(line) + "  ", "log-origin", source));
        }
        String message = line.message();
        String level = LogLevels.of(message);
        String levelClass = level == null ? "log-message" : "log-level-" + level;
        LogFilter current = filter.get();
        int[] spans = current == null ? new int[0] : current.spans(message);
        if (current != null && current.context() > 0 && spans.length == 0) {
            flow.getStyleClass().add("log-context");
        }
        int at = 0;
        for (int i = 0; i < spans.length; i += 2) {
            if (spans[i] > at) {
                flow.getChildren().add(text(message.substring(at, spans[i]), "log-message", levelClass));
            }
            flow.getChildren().add(text(message.substring(spans[i], spans[i + 1]), "log-message", levelClass, "log-match"));
            at = spans[i + 1];
        }
        if (at < message.length() || message.isEmpty()) {
            flow.getChildren().add(text(message.substring(at), "log-message", levelClass));
        }
    }

    private static Text text(String s, String... styleClasses) {
        Text t = new Text(s);
        t.getStyleClass().add("log-text");
        t.getStyleClass().addAll(styleClasses);
        return t;
    }
}
