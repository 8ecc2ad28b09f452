package dev.ecsdeck.ui.common;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;

/** Read-only table columns of text computed from each row. */
public final class TextColumns {
    private TextColumns() {}

    public static <T> TableColumn<T, String> of(String title, Function<T, String> value, double width) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    /** As {@link #of}, each cell's whole text also in its tooltip (for cells that cut it). */
    public static <T> TableColumn<T, String> withTooltips(String title, Function<T, String> value, double width) {
        TableColumn<T, String> c = of(title, value, width);
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                setTooltip(empty || text == null || text.isEmpty() ? null : new Tooltip(text));
            }
        });
        return c;
    }
}
