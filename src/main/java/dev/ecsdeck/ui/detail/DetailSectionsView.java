package dev.ecsdeck.ui.detail;

import dev.ecsdeck.ui.common.Icons;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Detail sections as label/value grids under their titles, ARNs with a copy button; follows the list it shows. */
public final class DetailSectionsView {
    /** The widest a label gets before it wraps. */
    private static final double KEY_MAX_WIDTH = 240;

    private final VBox view;

    public DetailSectionsView(VBox into, ObservableList<DetailSection> sections) {
        this.view = into;
        sections.addListener((ListChangeListener<DetailSection>) c -> render(sections));
        render(sections);
    }

    public VBox view() {
        return view;
    }

    private void render(List<DetailSection> sections) {
        view.getChildren().clear();
        for (DetailSection section : sections) {
            Label header = new Label(section.title());
            header.getStyleClass().add("section-title");
            GridPane grid = new GridPane();
            grid.getStyleClass().add("detail-grid");
            grid.setHgap(12);
            grid.setVgap(4);
            // Labels as wide as their text up to a third of a narrow pane, wrapped beyond; values take the rest.
            ColumnConstraints keys = new ColumnConstraints();
            keys.setMaxWidth(KEY_MAX_WIDTH);
            keys.setHgrow(Priority.NEVER);
            ColumnConstraints values = new ColumnConstraints();
            values.setHgrow(Priority.ALWAYS);
            values.setMinWidth(0);
            grid.getColumnConstraints().setAll(keys, values);
            int row = 0;
            for (DetailRow r : section.rows()) {
                Label key = new Label(r.label());
                key.getStyleClass().add("detail-key");
                key.setWrapText(true);
                key.setMinHeight(Region.USE_PREF_SIZE);
                Label value = new Label(r.value());
                value.getStyleClass().add("detail-value");
                value.setWrapText(true);
                value.setMinHeight(Region.USE_PREF_SIZE);
                GridPane.setHgrow(value, Priority.ALWAYS);
                grid.add(key, 0, row);
                if (r.copyable()) {
                    Button copy = new Button(null, Icons.copy());
                    copy.getStyleClass().addAll("flat", "copy-button");
                    copy.setTooltip(new Tooltip("Copy " + r.label()));
                    copy.setOnAction(e -> copy(r.value()));
                    HBox box = new HBox(4, value, copy);
                    box.setAlignment(Pos.CENTER_LEFT);
                    grid.add(box, 1, row);
                } else {
                    grid.add(value, 1, row);
                }
                row++;
            }
            view.getChildren().addAll(header, grid);
        }
    }

    private static void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }
}
