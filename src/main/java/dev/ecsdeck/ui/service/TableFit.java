package dev.ecsdeck.ui.service;

import dev.ecsdeck.ui.common.TextColumns;
import java.util.function.Function;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.text.Text;

/**
 * Keeps what a table shows whole: each column at least as wide as its header's text and its short
 * cell texts (the resize policy shares out the rest, or the table scrolls sideways), and long text
 * wrapped in its cell, which grows as tall as its lines.
 */
final class TableFit {
    /** Room for the sort arrow beside a header's text. */
    private static final double SORT_ARROW = 16;
    /** Short text widens its column up to this; longer text is in the cell's tooltip (or wraps). */
    private static final double MAX_FIT = 240;
    /** A cell's padding left and right, which its wrapped text leaves free. */
    private static final double CELL_PADDING = 16;

    private TableFit() {}

    /** A column of text that wraps at the column's width (whole text also in a tooltip). */
    static <T> TableColumn<T, String> wrapping(String title, Function<T, String> value, double width) {
        TableColumn<T, String> c = TextColumns.of(title, value, width);
        c.setCellFactory(col -> new WrappingCell<>());
        return c;
    }

    /** Makes no column narrower than its header's text or a short cell text, whenever the table has been laid out. */
    static void headersWhole(TableView<?> table) {
        // The headers exist, styled, once the table has been laid out; widening a column lays it out once more, then it rests.
        table.needsLayoutProperty().addListener((obs, was, needs) -> {
            if (!needs) {
                fitHeaders(table);
            }
        });
    }

    private static void fitHeaders(TableView<?> table) {
        for (Node n : table.lookupAll(".column-header")) {
            if (n instanceof TableColumnHeader header && header.getTableColumn() != null
                    && header.lookup(".label") instanceof Label label) {
                label.applyCss();
                widen(header.getTableColumn(), label.prefWidth(-1) + header.snappedLeftInset() + header.snappedRightInset() + SORT_ARROW);
            }
        }
        // Short text (ids, times, numbers) is shown whole too; long text wraps in its own cells (a Text graphic).
        for (Node n : table.lookupAll(".table-cell")) {
            if (n instanceof TableCell<?, ?> cell && cell.getTableColumn() != null && cell.getGraphic() == null
                    && cell.getText() != null && !cell.getText().isEmpty()) {
                // Measured as text: a cell's own preferred width is its column's, which would only ever grow.
                Text measure = new Text(cell.getText());
                measure.setFont(cell.getFont());
                widen(cell.getTableColumn(), Math.min(MAX_FIT, measure.getLayoutBounds().getWidth() + cell.snappedLeftInset()
                        + cell.snappedRightInset() + 4));
            }
        }
    }

    /** Makes a column at least {@code need} wide; it never narrows one. */
    private static void widen(TableColumnBase<?, ?> column, double need) {
        double width = Math.ceil(need);
        if (column.getMinWidth() < width) {
            column.setMinWidth(width);
            if (column.getPrefWidth() < width) {
                column.setPrefWidth(width);
            }
        }
    }

    /** A cell whose text wraps at the column's width; the row grows to fit. */
    private static final class WrappingCell<T> extends TableCell<T, String> {
        private final Text text = new Text();

        WrappingCell() {
            text.getStyleClass().add("wrapped-cell-text");
            text.wrappingWidthProperty().bind(widthProperty().subtract(CELL_PADDING));
            text.fillProperty().bind(textFillProperty()); // the theme's colour, selected or not
            text.fontProperty().bind(fontProperty());
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
            setTooltip(new Tooltip(value));
        }
    }
}
