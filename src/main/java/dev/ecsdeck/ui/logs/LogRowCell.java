package dev.ecsdeck.ui.logs;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.IntPredicate;
import java.util.function.Supplier;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.fxmisc.flowless.Cell;

/**
 * One on-screen row of the log flow (cells are reused as the flow scrolls; none is kept per line):
 * time, the task and container in the task's colour, the message in its level's colour with the
 * filter's matches highlighted. Context lines are dimmed; a gap shows as "--"; a selected row has
 * the {@code :selected} pseudo-class.
 *
 * <p>While following a fast stream every visible row gets a new line each frame, so a row reuses
 * its Text nodes and says its task colour and level with pseudo-classes: changing a style class,
 * or adding a node, makes JavaFX rebuild that node's styles, which costs far more.
 */
final class LogRowCell implements Cell<LogRow, TextFlow> {
    static final int SOURCE_COLOURS = 8;
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private static final PseudoClass[] SOURCES = new PseudoClass[SOURCE_COLOURS];
    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");
    private static final PseudoClass WARN = PseudoClass.getPseudoClass("warn");
    private static final PseudoClass INFO = PseudoClass.getPseudoClass("info");
    private static final PseudoClass DEBUG = PseudoClass.getPseudoClass("debug");

    static {
        for (int i = 0; i < SOURCE_COLOURS; i++) {
            SOURCES[i] = PseudoClass.getPseudoClass("source-" + i);
        }
    }

    private final Supplier<LogLineFormat> format;
    private final Supplier<LogFilter> filter;
    private final BooleanSupplier wrap;
    private final IntPredicate selected;
    private final TextFlow flow = new TextFlow();
    private final Text time = text("log-time");
    private final Text origin = text("log-origin");
    private final Text message = text("log-message");
    private final Text gap = text("log-gap-text");
    /** The pieces of a message with filter matches, made only while a filter is on. */
    private final List<Text> pieces = new ArrayList<>();
    private final List<Node> wanted = new ArrayList<>();
    private int source = -1;
    private PseudoClass level;
    private LogRow row;
    private int index = -1;

    LogRowCell(LogRow row, Supplier<LogLineFormat> format, Supplier<LogFilter> filter, BooleanSupplier wrap, IntPredicate selected) {
        this.format = format;
        this.filter = filter;
        this.wrap = wrap;
        this.selected = selected;
        flow.getStyleClass().add("log-row");
        gap.setText(LogRow.Gap.TEXT);
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
    }

    @Override
    public void updateItem(LogRow row) {
        this.row = row;
        wanted.clear();
        // Wrapped, a row is as wide as the viewport and as tall as its wrapped text; unwrapped, at
        // least as wide as its text, so the flow is as wide as its longest row and scrolls sideways.
        flow.setMinWidth(wrap.getAsBoolean() ? 0 : Region.USE_PREF_SIZE);
        if (!(row instanceof LogLine line)) {
            setStyleClass("log-gap", true);
            setStyleClass("log-context", false);
            setSource(-1);
            wanted.add(gap);
            show();
            return;
        }
        setStyleClass("log-gap", false);
        LogLineFormat f = format.get();
        setSource(line.source() % SOURCE_COLOURS);
        if (f.timestamps()) {
            time.setText(f.withoutOrigins().prefix(line));
            wanted.add(time);
        }
        if (f.origins()) {
            origin.setText(LogLineFormat.origin(line) + "  ");
            wanted.add(origin);
        }
        String text = line.message();
        setLevel(levelOf(LogLevels.of(text)));
        LogFilter current = filter.get();
        int[] spans = current == null ? new int[0] : current.spans(text);
        setStyleClass("log-context", current != null && current.context() > 0 && spans.length == 0);
        if (spans.length == 0) {
            message.setText(text);
            wanted.add(message);
        } else {
            addPieces(text, spans);
        }
        show();
    }

    /** The message in pieces, the matches highlighted. */
    private void addPieces(String text, int[] spans) {
        int used = 0;
        int at = 0;
        for (int i = 0; i < spans.length; i += 2) {
            if (spans[i] > at) {
                wanted.add(piece(used++, text.substring(at, spans[i]), false));
            }
            wanted.add(piece(used++, text.substring(spans[i], spans[i + 1]), true));
            at = spans[i + 1];
        }
        if (at < text.length()) {
            wanted.add(piece(used, text.substring(at), false));
        }
    }

    private Text piece(int i, String s, boolean match) {
        while (pieces.size() <= i) {
            pieces.add(text("log-message"));
        }
        Text t = pieces.get(i);
        t.setText(s);
        if (match != t.getStyleClass().contains("log-match")) {
            if (match) {
                t.getStyleClass().add("log-match");
            } else {
                t.getStyleClass().remove("log-match");
            }
        }
        for (PseudoClass p : List.of(ERROR, WARN, INFO, DEBUG)) {
            t.pseudoClassStateChanged(p, p == level);
        }
        return t;
    }

    /** Changes the children only when the row's make-up changed (timestamps, origins, pieces). */
    private void show() {
        if (!flow.getChildren().equals(wanted)) {
            flow.getChildren().setAll(wanted);
        }
    }

    private void setSource(int s) {
        if (s != source) {
            if (source >= 0) {
                flow.pseudoClassStateChanged(SOURCES[source], false);
            }
            if (s >= 0) {
                flow.pseudoClassStateChanged(SOURCES[s], true);
            }
            source = s;
        }
    }

    private void setLevel(PseudoClass l) {
        if (l != level) {
            if (level != null) {
                message.pseudoClassStateChanged(level, false);
            }
            if (l != null) {
                message.pseudoClassStateChanged(l, true);
            }
            level = l;
        }
    }

    private void setStyleClass(String styleClass, boolean on) {
        if (on != flow.getStyleClass().contains(styleClass)) {
            if (on) {
                flow.getStyleClass().add(styleClass);
            } else {
                flow.getStyleClass().remove(styleClass);
            }
        }
    }

    private static PseudoClass levelOf(String level) {
        if (level == null) {
            return null;
        }
        return switch (level) {
            case "error" -> ERROR;
            case "warn" -> WARN;
            case "info" -> INFO;
            case "debug" -> DEBUG;
            default -> null;
        };
    }

    private static Text text(String styleClass) {
        Text t = new Text();
        t.getStyleClass().addAll("log-text", styleClass);
        return t;
    }
}
