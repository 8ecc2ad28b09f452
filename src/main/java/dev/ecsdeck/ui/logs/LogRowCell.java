package dev.ecsdeck.ui.logs;

import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.ListCell;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * One on-screen row (cells are reused as the list scrolls; none is kept per line): time, the task
 * and container in the task's colour, the message in its level's colour with the filter's matches
 * highlighted. Context lines are dimmed; a gap shows as "--".
 */
final class LogRowCell extends ListCell<LogRow> {
    static final int SOURCE_COLOURS = 8;

    private final Supplier<LogLineFormat> format;
    private final Supplier<LogFilter> filter;
    private final Supplier<Boolean> wrap;
    private final TextFlow flow = new TextFlow();

    LogRowCell(Supplier<LogLineFormat> format, Supplier<LogFilter> filter, Supplier<Boolean> wrap) {
        this.format = format;
        this.filter = filter;
        this.wrap = wrap;
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        flow.getStyleClass().add("log-flow");
    }

    @Override
    protected void updateItem(LogRow row, boolean empty) {
        super.updateItem(row, empty);
        getStyleClass().removeIf(s -> s.startsWith("log-source-") || s.equals("log-context") || s.equals("log-gap"));
        flow.getChildren().clear();
        setText(null);
        if (empty || row == null) {
            setGraphic(null);
            return;
        }
        if (!(row instanceof LogLine line)) {
            getStyleClass().add("log-gap");
            flow.getChildren().add(text(LogRow.Gap.TEXT, "log-gap-text"));
            setGraphic(flow);
            return;
        }
        LogLineFormat f = format.get();
        getStyleClass().add("log-source-" + (line.source() % SOURCE_COLOURS));
        if (f.timestamps()) {
            flow.getChildren().add(text(f.withoutOrigins().prefix(line), "log-time"));
        }
        if (f.origins()) {
            flow.getChildren().add(text(LogLineFormat.origin(line) + "  ", "log-origin", "log-source-" + (line.source() % SOURCE_COLOURS)));
        }
        String message = line.message();
        String level = LogLevels.of(message);
        String levelClass = level == null ? "log-message" : "log-level-" + level;
        LogFilter current = filter.get();
        int[] spans = current == null ? new int[0] : current.spans(message);
        if (current != null && current.context() > 0 && spans.length == 0) {
            getStyleClass().add("log-context");
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
        setGraphic(flow);
    }

    private static Text text(String s, String... styleClasses) {
        Text t = new Text(s);
        t.getStyleClass().add("log-text");
        t.getStyleClass().addAll(styleClasses);
        return t;
    }

    // Wrapped, a row is as wide as the list and as tall as its wrapped text; unwrapped, as wide as
    // its text (the list scrolls sideways) and one line tall (the list's fixed cell size).
    @Override
    protected double computePrefWidth(double height) {
        return wrap.get() ? 0 : super.computePrefWidth(height);
    }

    @Override
    protected double computePrefHeight(double width) {
        if (!wrap.get() || getGraphic() == null || width <= 0) {
            return super.computePrefHeight(width);
        }
        Insets in = getInsets();
        return flow.prefHeight(width - in.getLeft() - in.getRight()) + in.getTop() + in.getBottom();
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        if (getGraphic() != null) {
            Insets in = getInsets();
            double w = wrap.get() ? getWidth() - in.getLeft() - in.getRight() : Math.max(flow.prefWidth(-1), getWidth() - in.getLeft() - in.getRight());
            flow.resizeRelocate(in.getLeft(), in.getTop(), w, getHeight() - in.getTop() - in.getBottom());
        }
    }
}
