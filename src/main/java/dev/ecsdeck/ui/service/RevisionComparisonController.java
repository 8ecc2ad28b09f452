package dev.ecsdeck.ui.service;

import dev.ecsdeck.ui.common.Fxml;
import dev.ecsdeck.ui.taskdef.RevisionDiffPane;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;

/**
 * The view of a {@link RevisionComparisonViewModel}: "Only differences", the rows of what the two
 * revisions run (older left, newer right, differing rows coloured as the task-definition diff
 * colours them), and the existing task-definition diff pane below. Close (or Escape) runs
 * {@code onClose}.
 */
public final class RevisionComparisonController {
    static final String STYLESHEET = "revision-comparison.css";
    private static final String NONE = "(none)";

    private final RevisionComparisonViewModel model;
    private final Runnable onClose;
    private final Parent view;
    @FXML
    private Label heading;
    @FXML
    private CheckBox onlyDifferences;
    @FXML
    private Label error;
    @FXML
    private Label status;
    @FXML
    private TableView<RevisionComparisonRow> table;
    @FXML
    private TableColumn<RevisionComparisonRow, String> sectionColumn;
    @FXML
    private TableColumn<RevisionComparisonRow, String> fieldColumn;
    @FXML
    private TableColumn<RevisionComparisonRow, String> olderColumn;
    @FXML
    private TableColumn<RevisionComparisonRow, String> newerColumn;
    @FXML
    private StackPane taskDefinitionArea;
    @FXML
    private Label taskDefinitionMissing;
    @FXML
    private Button closeButton;

    public RevisionComparisonController(RevisionComparisonViewModel model, Runnable onClose) {
        this.model = model;
        this.onClose = onClose;
        this.view = Fxml.load(this, "RevisionComparison.fxml");
        view.getStylesheets().add(RevisionComparisonController.class.getResource(STYLESHEET).toExternalForm());
    }

    public Parent view() {
        return view;
    }

    @FXML
    private void initialize() {
        heading.textProperty().bind(model.titleProperty());
        onlyDifferences.selectedProperty().bindBidirectional(model.onlyDifferencesProperty());
        error.textProperty().bind(model.errorProperty());
        error.visibleProperty().bind(model.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        status.textProperty().bind(model.statusProperty());
        closeButton.setOnAction(e -> onClose.run());

        table.setItems(model.rows());
        table.setPlaceholder(new Label()); // the placeholder's words follow what was loaded
        ((Label) table.getPlaceholder()).textProperty().bind(Bindings.createStringBinding(() -> placeholder(),
                model.busyProperty(), model.statusProperty(), model.onlyDifferencesProperty()));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        sectionColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().section()));
        sectionColumn.setCellFactory(c -> new SectionCell());
        fieldColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().field()));
        fieldColumn.setCellFactory(c -> new TextCell());
        olderColumn.textProperty().bind(model.olderTitleProperty());
        newerColumn.textProperty().bind(model.newerTitleProperty());
        value(olderColumn, RevisionComparisonRow::older);
        value(newerColumn, RevisionComparisonRow::newer);
        table.setRowFactory(t -> new ChangeRow());

        Node diff = new RevisionDiffPane(model.diff()).view();
        diff.visibleProperty().bind(model.taskDefinitionsComparedProperty());
        taskDefinitionArea.getChildren().add(diff);
        taskDefinitionMissing.visibleProperty().bind(model.taskDefinitionsComparedProperty().not());
        taskDefinitionMissing.textProperty().bind(Bindings.when(model.busyProperty()).then("Loading the task definitions…")
                .otherwise(Bindings.when(model.errorProperty().isEmpty()).then("").otherwise("The task definitions could not be compared.")));
    }

    private String placeholder() {
        if (model.busyProperty().get()) {
            return "Loading the service revisions…";
        }
        if (model.statusProperty().get().isEmpty()) {
            return "";
        }
        return model.onlyDifferencesProperty().get() ? "They run the same images, load balancers, network and capacity" : "";
    }

    private static void value(TableColumn<RevisionComparisonRow, String> column, Function<RevisionComparisonRow, String> side) {
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(side.apply(c.getValue())));
        column.setCellFactory(c -> new TextCell());
    }

    /**
     * A field or a value; a side without one says "(none)". Long values wrap rather than lose their
     * end (an image's tag is what changed); the whole text is in a tooltip besides.
     */
    private static final class TextCell extends TableCell<RevisionComparisonRow, String> {
        TextCell() {
            setWrapText(true);
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().remove("comparison-absent");
            String text = empty ? null : item == null ? NONE : item;
            if (!empty && item == null) {
                getStyleClass().add("comparison-absent");
            }
            setText(text);
            setTooltip(text == null ? null : new Tooltip(text));
        }
    }

    /** A row coloured by its change, as the task-definition diff colours its rows. */
    private static final class ChangeRow extends TableRow<RevisionComparisonRow> {
        @Override
        protected void updateItem(RevisionComparisonRow row, boolean empty) {
            super.updateItem(row, empty);
            getStyleClass().removeIf(s -> s.startsWith("diff-"));
            if (!empty && row != null) {
                getStyleClass().add("diff-" + row.change().name().toLowerCase(Locale.ROOT));
            }
        }
    }

    /** A section's name on its first row only, so the sections read as groups. */
    private static final class SectionCell extends TableCell<RevisionComparisonRow, String> {
        SectionCell() {
            getStyleClass().add("comparison-section");
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            int i = getIndex();
            java.util.List<RevisionComparisonRow> items = getTableView() == null ? java.util.List.of() : getTableView().getItems();
            boolean first = !empty && item != null && (i <= 0 || i > items.size() || !item.equals(items.get(i - 1).section()));
            setText(first ? item : null);
        }
    }
}
