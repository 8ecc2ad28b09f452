package dev.ecsdeck.ui.common;

import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.text.Text;

/**
 * Read-only table columns of text that wraps at the column's width, up to a number of lines (the
 * rest ends in "…"); each cell's tooltip holds the whole text.
 */
public final class WrappedColumns {
    /** Room for the sort arrow beside a header's text. */
    private static final double SORT_ARROW = 16;

    private WrappedColumns() {}

    public static <T> TableColumn<T, String> of(String title, Function<T, String> value, double width, int maxLines) {
        return of(title, value, value, width, maxLines);
    }

    /** As {@link #of(String, Function, double, int)}, with the tooltip's text read from the row ({@code tooltip}). */
    public static <T> TableColumn<T, String> of(String title, Function<T, String> value, Function<T, String> tooltip, double width,
            int maxLines) {
        TableColumn<T, String> c = TextColumns.of(title, value, width);
        c.setCellFactory(col -> new WrappedCell<>(tooltip, maxLines));
        return c;
    }

    /**
     * Keeps every column at least as wide as its header's text (measured in the header's own font, once
     * the table is laid out), so a resize policy that fits the columns to the table never cuts a header;
     * and measures the rows again when a column's width changes (wrapped text needs more or fewer lines).
     */
    public static void fit(TableView<?> table) {
        table.needsLayoutProperty().addListener((obs, was, needs) -> {
            if (!needs) {
                headersWhole(table);
            }
        });
        boolean[] pending = {false};
        InvalidationListener remeasure = o -> {
            if (!pending[0]) {
                pending[0] = true;
                // Once per pulse's worth of changes: rows keep the height they were measured at otherwise.
                Platform.runLater(() -> {
                    pending[0] = false;
                    table.refresh();
                });
            }
        };
        table.getColumns().forEach(c -> c.widthProperty().addListener(remeasure));
    }

    private static void headersWhole(TableView<?> table) {
        for (Node n : table.lookupAll(".column-header")) {
            if (n instanceof TableColumnHeader header && header.getTableColumn() != null && header.lookup(".label") instanceof Label label) {
                double need = Math.ceil(label.prefWidth(-1) + header.snappedLeftInset() + header.snappedRightInset() + SORT_ARROW);
                if (header.getTableColumn().getMinWidth() < need) {
                    header.getTableColumn().setMinWidth(need); // widening lays the table out once more, then it rests
                }
            }
        }
    }

    private static final class WrappedCell<T> extends TableCell<T, String> {
        private final Function<T, String> tooltip;
        private final int maxLines;
        private Tooltip ownTooltip;

        WrappedCell(Function<T, String> tooltip, int maxLines) {
            this.tooltip = tooltip;
            this.maxLines = maxLines;
            setWrapText(true);
        }

        @Override
        protected void updateItem(String text, boolean empty) {
            super.updateItem(text, empty);
            setText(empty ? null : text);
            boolean hasRow = !empty && getTableView() != null && getIndex() >= 0 && getIndex() < getTableView().getItems().size();
            T item = hasRow ? getTableView().getItems().get(getIndex()) : null;
            String tip = item == null || text == null || text.isEmpty() ? null : tooltip.apply(item);
            if (tip == null || tip.isEmpty()) {
                setTooltip(null);
            } else {
                // One tooltip per cell, its text changed: a new one on every refresh (a popup window each) stalled the FX thread.
                if (ownTooltip == null) {
                    ownTooltip = new Tooltip();
                }
                ownTooltip.setText(tip);
                setTooltip(ownTooltip);
            }
        }

        /**
         * The row asks its cells for their height without a width, which would give one line: wrapped
         * at the column's width instead, and no taller than {@code maxLines} lines.
         */
        @Override
        protected double computePrefHeight(double width) {
            double wrapped = super.computePrefHeight(getTableColumn() == null ? width : getTableColumn().getWidth());
            Text lines = new Text("X" + "\nX".repeat(maxLines - 1));
            lines.setFont(getFont());
            lines.setLineSpacing(getLineSpacing());
            double most = Math.ceil(lines.getLayoutBounds().getHeight()) + snappedTopInset() + snappedBottomInset();
            return Math.min(wrapped, most);
        }
    }
}
