package dev.ecsdeck.ui.service;

import dev.ecsdeck.ui.common.TimeFormat;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Orientation;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.util.Callback;

/**
 * Keeps what a table shows whole inside the panel's width: every text cell wraps at its column's
 * width (the row grows as tall as its lines), the columns share the table's width (no sideways
 * scrolling), and no column is narrower than its header's text or its cells' longest word, so
 * nothing is cut to "…". Wider text widens its column's preferred width, up to a cap.
 */
final class TableFit {
    /** Room for the sort arrow beside a header's text. */
    private static final double SORT_ARROW = 16;
    /** A column's longest word sets its least width up to this; a longer word (an id) wraps inside itself. */
    private static final double MAX_WORD = 72;
    /** A cell's whole text asks for this much width at most; the rest wraps. */
    private static final double MAX_PREF = 320;
    /** A cell's padding left and right, which its wrapped text leaves free. */
    private static final double CELL_PADDING = 16;
    /** Text this long is also in the cell's tooltip (it wraps onto several lines). */
    private static final int TOOLTIP_LENGTH = 40;

    /** The key of the width a column would like, in its properties. */
    private static final String WANT = TableFit.class.getName() + ".want";

    private static final DateTimeFormatter TODAY = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter OTHER_DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private TableFit() {}

    /** A column of text that wraps at the column's width. */
    static <T> TableColumn<T, String> text(String title, Function<T, String> value) {
        return observedText(title, cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
    }

    /** A column of text, from an observable value per row, that wraps at the column's width. */
    static <T> TableColumn<T, String> observedText(String title, Callback<TableColumn.CellDataFeatures<T, String>, ObservableValue<String>> value) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(value);
        c.setCellFactory(col -> new WrappingCell<>(false));
        c.setPrefWidth(60);
        return c;
    }

    /** A column of ids: whole, in a monospace font, wrapping inside the id when the column is narrower; copied from the row's menu. */
    static <T> TableColumn<T, String> id(String title, Function<T, String> value) {
        TableColumn<T, String> c = text(title, value);
        c.setCellFactory(col -> new WrappingCell<>(true));
        return c;
    }

    /** A time as a table shows it: "HH:mm:ss" today, "yyyy-MM-dd HH:mm" on another day, "—" when there is none. */
    static String time(Instant t) {
        return TimeFormat.compact(t, Instant.now());
    }

    /**
     * Makes the table's columns share its width, each at least as wide as its header's text and its
     * cells' longest word, whenever the table has been laid out.
     */
    static void fit(TableView<?> table) {
        // The width is shared out here, not by a resize policy: those keep sizes they set before the cells were measured.
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        // The headers and cells exist, styled, once the table has been laid out; a column's new width lays it out once more, then it rests.
        table.needsLayoutProperty().addListener((obs, was, needs) -> {
            if (!needs) {
                measure(table);
                share(table);
            }
        });
    }

    private static void measure(TableView<?> table) {
        for (Node n : table.lookupAll(".column-header")) {
            if (n instanceof TableColumnHeader header && header.getTableColumn() != null
                    && header.lookup(".label") instanceof Label label) {
                label.applyCss();
                double need = label.prefWidth(-1) + header.snappedLeftInset() + header.snappedRightInset() + SORT_ARROW;
                widen(header.getTableColumn(), need, need);
            }
        }
        for (Node n : table.lookupAll(".table-cell")) {
            if (n instanceof TableCell<?, ?> cell && cell.getTableColumn() != null && !cell.isEmpty()) {
                String text = cell.getGraphic() instanceof Text t ? t.getText() : cell.getText();
                double padding = cell.snappedLeftInset() + cell.snappedRightInset() + 4;
                if (text == null || text.isEmpty()) {
                    if (cell.getGraphic() != null) { // a button: its whole width
                        double need = cell.getGraphic().prefWidth(-1) + padding;
                        widen(cell.getTableColumn(), need, need);
                    }
                    continue;
                }
                Font font = cell.getGraphic() instanceof Text t ? t.getFont() : cell.getFont();
                double longestWord = 0;
                for (String word : text.split("\\s+")) {
                    longestWord = Math.max(longestWord, width(word, font));
                }
                double least = Math.min(MAX_WORD, longestWord) + padding;
                if (cell.getGraphic() != null && !(cell.getGraphic() instanceof Text)) {
                    least = Math.max(least, cell.getGraphic().prefWidth(-1) + padding);
                }
                widen(cell.getTableColumn(), least, Math.min(MAX_PREF, width(text, font) + padding));
            }
        }
    }

    /**
     * Gives each visible column its least width, then shares out what is left in proportion to
     * what each would like more; the last column takes any width nobody wants.
     */
    private static void share(TableView<?> table) {
        List<? extends TableColumn<?, ?>> columns = table.getVisibleLeafColumns();
        if (columns.isEmpty() || table.getWidth() <= 0) {
            return;
        }
        double room = table.getWidth() - table.snappedLeftInset() - table.snappedRightInset() - 1;
        for (Node n : table.lookupAll(".scroll-bar")) {
            if (n instanceof ScrollBar bar && bar.getOrientation() == Orientation.VERTICAL && bar.isVisible()) {
                room -= bar.getWidth();
            }
        }
        double least = 0;
        double wanted = 0;
        for (TableColumn<?, ?> c : columns) {
            least += c.getMinWidth();
            wanted += Math.max(0, want(c) - c.getMinWidth());
        }
        double spare = Math.max(0, room - least);
        double share = wanted <= 0 ? 0 : Math.min(1, spare / wanted);
        double given = 0;
        for (int i = 0; i < columns.size(); i++) {
            TableColumn<?, ?> c = columns.get(i);
            double width = Math.floor(c.getMinWidth() + share * Math.max(0, want(c) - c.getMinWidth()));
            if (i == columns.size() - 1) {
                width = Math.max(c.getMinWidth(), Math.floor(room - given));
            }
            given += width;
            if (Math.abs(c.getPrefWidth() - width) > 0.5) {
                c.setPrefWidth(width);
            }
        }
    }

    private static double want(TableColumnBase<?, ?> column) {
        return column.getProperties().get(WANT) instanceof Double d ? d : column.getMinWidth();
    }

    /** The width of text in a font (a cell's own preferred width is its column's, which would only ever grow). */
    private static double width(String text, Font font) {
        Text measure = new Text(text);
        measure.setFont(font);
        return measure.getLayoutBounds().getWidth();
    }

    /** Makes a column at least {@code least} wide and asks for {@code preferred}; it never narrows one. */
    private static void widen(TableColumnBase<?, ?> column, double least, double preferred) {
        double min = Math.ceil(least);
        if (column.getMinWidth() < min) {
            column.setMinWidth(min);
        }
        double want = Math.ceil(Math.max(min, preferred));
        if (want(column) < want) {
            column.getProperties().put(WANT, want);
        }
    }

    /** A cell whose text wraps at the column's width; the row grows to fit. Long text is also in its tooltip. */
    private static final class WrappingCell<T> extends TableCell<T, String> {
        private final Text text = new Text();

        WrappingCell(boolean id) {
            text.getStyleClass().add("wrapped-cell-text");
            if (id) {
                text.getStyleClass().add("id-cell-text");
            }
            text.wrappingWidthProperty().bind(widthProperty().subtract(CELL_PADDING));
            text.fillProperty().bind(textFillProperty()); // the theme's colour, selected or not
            if (!id) {
                text.fontProperty().bind(fontProperty());
            }
            setPrefHeight(USE_COMPUTED_SIZE);
        }

        @Override
        protected void updateItem(String value, boolean empty) {
            super.updateItem(value, empty);
            setText(null);
            if (empty || value == null || value.isEmpty()) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            text.setText(value);
            setGraphic(text);
            setTooltip(value.length() >= TOOLTIP_LENGTH ? new Tooltip(value) : null);
        }
    }
}
