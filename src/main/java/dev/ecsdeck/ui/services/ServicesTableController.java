package dev.ecsdeck.ui.services;

import dev.ecsdeck.ui.common.Fxml;
import dev.ecsdeck.ui.common.ReadOnlyHint;
import dev.ecsdeck.ui.common.WrappedColumns;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Comparator;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;

/**
 * A cluster's sheet above its services table: sortable columns, the filter, multi-selection and the
 * actions on the selected rows. The selection survives refreshes (kept by service name).
 */
public final class ServicesTableController {
    private final ServicesTableViewModel model;
    private final ObservableBooleanValue readOnly;
    private final Parent view;
    private final Set<String> keptSelection = new HashSet<>();
    @FXML
    private StackPane sheetHolder;
    @FXML
    private Label titleLabel;
    @FXML
    private TextField filterField;
    @FXML
    private Label statusLabel;
    @FXML
    private TableView<ServiceRow> table;
    @FXML
    private Button forceDeployButton;
    @FXML
    private Button scaleButton;
    @FXML
    private Button tailButton;
    @FXML
    private Label messageLabel;

    public ServicesTableController(ServicesTableViewModel model, ObservableBooleanValue readOnly) {
        this.model = model;
        this.readOnly = readOnly;
        this.view = Fxml.load(this, "ServicesTable.fxml");
    }

    @FXML
    private void initialize() {
        titleLabel.textProperty().bind(Bindings.createStringBinding(
                () -> model.clusterProperty().get() == null ? "" : "Services of " + model.clusterProperty().get(), model.clusterProperty()));
        filterField.textProperty().bindBidirectional(model.filterTextProperty());
        statusLabel.textProperty().bind(model.statusProperty());
        messageLabel.textProperty().bind(model.messageProperty());

        SortedList<ServiceRow> sorted = new SortedList<>(model.shownRows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        // What an empty table means now: still loading, nothing matches the filter, or no services.
        Label placeholder = new Label();
        placeholder.textProperty().bind(Bindings.createStringBinding(() -> model.statusProperty().get().startsWith("Loading")
                ? "Loading…" : model.statusProperty().get().startsWith("Could not") ? model.statusProperty().get()
                : model.filterTextProperty().get() == null || model.filterTextProperty().get().isBlank() ? "No services"
                : "No service matches the filter", model.statusProperty(), model.filterTextProperty()));
        table.setPlaceholder(placeholder);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        // Fits the pane at the default window size: the last column takes the rest, long text wraps (whole text in tooltips).
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<ServiceRow, String> revision = column("Revision", ServiceRow::revision, 100, 75);
        revision.setComparator(ServiceRow.REVISION_ORDER);
        table.getColumns().setAll(List.of(
                column("Name", ServiceRow::name, 110, 70),
                column("Badges", ServiceRow::badgesText, 95, 70),
                tasks(),
                revision,
                column("Launch", ServiceRow::launch, 75, 65),
                column("Deployment", ServiceRow::deploymentState, 125, 95),
                column("Last event", ServiceRow::lastEvent, 230, 150)));
        WrappedColumns.fit(table);

        keepSelectionAcrossRefreshes();
        BooleanBinding none = Bindings.isEmpty(table.getSelectionModel().getSelectedItems());
        forceDeployButton.disableProperty().bind(model.changesDisabledProperty().or(none));
        scaleButton.disableProperty().bind(model.changesDisabledProperty().or(none));
        tailButton.disableProperty().bind(none);
        ReadOnlyHint.apply(forceDeployButton, readOnly, "Start a new deployment of each selected service (asks first)");
        ReadOnlyHint.apply(scaleButton, readOnly, "Set the desired count of the selected services (asks first)");
    }

    /** Text that wraps in two lines at most (the whole text in its tooltip); never narrower than {@code min}, (the header's text widens it when needed). */
    private static TableColumn<ServiceRow, String> column(String title, Function<ServiceRow, String> value, double width, double min) {
        TableColumn<ServiceRow, String> c = WrappedColumns.of(title, value, width, 2);
        c.setMinWidth(min);
        return c;
    }

    /** Running/desired and pending in one compact column, sorted by running, then desired. */
    private static TableColumn<ServiceRow, ServiceRow> tasks() {
        TableColumn<ServiceRow, ServiceRow> c = new TableColumn<>("Tasks");
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        c.setComparator(Comparator.comparingInt(ServiceRow::running).thenComparingInt(ServiceRow::desired));
        c.setCellFactory(col -> new TableCell<>() {
            /** Kept, its text changed: a new tooltip (a popup window) per cell on every refresh stalled the FX thread. */
            private final Tooltip words = new Tooltip();

            @Override
            protected void updateItem(ServiceRow row, boolean empty) {
                super.updateItem(row, empty);
                setText(empty || row == null ? null : row.tasksText());
                if (!empty && row != null) {
                    words.setText(row.tasksInWords());
                }
                setTooltip(empty || row == null ? null : words);
            }
        });
        c.setPrefWidth(115);
        c.setMinWidth(70);
        return c;
    }

    /** A refresh swaps the rows: select again the services that were selected (another cluster starts empty). */
    private void keepSelectionAcrossRefreshes() {
        model.clusterProperty().addListener((obs, was, now) -> keptSelection.clear());
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<ServiceRow>) c -> {
            if (!model.replacing()) {
                keptSelection.clear();
                table.getSelectionModel().getSelectedItems().forEach(r -> keptSelection.add(r.name()));
            }
        });
        model.rows().addListener((ListChangeListener<ServiceRow>) c -> {
            if (!model.replacing() || keptSelection.isEmpty()) {
                return;
            }
            table.getSelectionModel().clearSelection();
            for (int i = 0; i < table.getItems().size(); i++) {
                if (keptSelection.contains(table.getItems().get(i).name())) {
                    table.getSelectionModel().select(i);
                }
            }
        });
    }

    private List<ServiceRow> selected() {
        return List.copyOf(table.getSelectionModel().getSelectedItems());
    }

    @FXML
    private void forceNewDeployment() {
        model.forceNewDeployment(selected());
    }

    @FXML
    private void scale() {
        List<ServiceRow> rows = selected();
        if (!rows.isEmpty()) {
            ScaleCountDialog.ask(view.getScene() == null ? null : view.getScene().getWindow(), rows)
                    .ifPresent(count -> model.scale(rows, count));
        }
    }

    @FXML
    private void tail() {
        model.tail(selected());
    }

    /** The view with {@code sheet} (the cluster's detail sheet) above the table. */
    public Parent show(Node sheet) {
        sheetHolder.getChildren().setAll(sheet);
        return view;
    }

    /** Gives the sheet back, so it can be shown elsewhere. */
    public void releaseSheet() {
        sheetHolder.getChildren().clear();
    }

    public Parent view() {
        return view;
    }

    public TableView<ServiceRow> table() {
        return table;
    }
}
