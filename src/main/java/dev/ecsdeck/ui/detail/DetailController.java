package dev.ecsdeck.ui.detail;

import dev.ecsdeck.model.ServiceEvent;
import dev.ecsdeck.ui.common.Fxml;
import dev.ecsdeck.ui.common.Icons;
import dev.ecsdeck.ui.common.TimeFormat;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Renders the detail view model: the sheet's sections as label/value grids, the events, the actions. */
public final class DetailController {
    private final DetailViewModel viewModel;
    private final Parent view;
    @FXML
    private Label titleLabel;
    @FXML
    private Label subtitleLabel;
    @FXML
    private Label messageLabel;
    @FXML
    private HBox serviceActions;
    @FXML
    private HBox taskActions;
    @FXML
    private Spinner<Integer> desiredSpinner;
    @FXML
    private Button applyScaleButton;
    @FXML
    private Button forceDeployButton;
    @FXML
    private Button stopTaskButton;
    @FXML
    private VBox sectionsBox;
    @FXML
    private TitledPane eventsPane;
    @FXML
    private Button consoleButton;
    @FXML
    private javafx.scene.control.TextArea documentArea;
    @FXML
    private ListView<ServiceEvent> eventsList;

    public DetailController(DetailViewModel viewModel) {
        this.viewModel = viewModel;
        this.view = Fxml.load(this, "DetailView.fxml");
    }

    public Parent view() {
        return view;
    }

    @FXML
    private void initialize() {
        titleLabel.textProperty().bind(viewModel.titleProperty());
        subtitleLabel.textProperty().bind(viewModel.subtitleProperty());
        messageLabel.textProperty().bind(viewModel.messageProperty());
        showWhen(serviceActions, viewModel.serviceSelectedProperty());
        showWhen(taskActions, viewModel.runningTaskSelectedProperty());
        showWhen(eventsPane, viewModel.serviceSelectedProperty());
        showWhen(consoleButton, viewModel.consoleUrlProperty().isNotNull());
        consoleButton.setGraphic(Icons.of(org.kordamp.ikonli.material2.Material2AL.LAUNCH));
        showWhen(documentArea, viewModel.documentProperty().isNotEmpty());
        documentArea.textProperty().bind(viewModel.documentProperty());

        SpinnerValueFactory.IntegerSpinnerValueFactory counts = new SpinnerValueFactory.IntegerSpinnerValueFactory(0, 5000, 0);
        desiredSpinner.setValueFactory(counts);
        counts.valueProperty().addListener((obs, was, now) -> {
            if (now != null) {
                viewModel.desiredCountProperty().set(now);
            }
        });
        viewModel.desiredCountProperty().addListener((obs, was, now) -> counts.setValue(now.intValue()));

        for (Button b : new Button[] {applyScaleButton, forceDeployButton, stopTaskButton}) {
            b.disableProperty().bind(viewModel.actionsDisabledProperty());
        }
        desiredSpinner.disableProperty().bind(viewModel.actionsDisabledProperty());
        viewModel.actionsDisabledProperty().addListener((obs, was, now) -> updateTooltips());
        updateTooltips();

        eventsList.setItems(viewModel.events());
        eventsList.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(ServiceEvent e, boolean empty) {
                super.updateItem(e, empty);
                setText(empty || e == null ? null : TimeFormat.clock(e.createdAt()) + "  " + e.message());
                setWrapText(true);
                setPrefWidth(0);
            }
        });
        viewModel.sections().addListener((ListChangeListener<DetailSection>) c -> renderSections());
        renderSections();
    }

    private void updateTooltips() {
        String reason = viewModel.disabledReason();
        Tooltip tip = reason.isEmpty() ? null : new Tooltip(reason);
        for (var control : new javafx.scene.control.Control[] {applyScaleButton, forceDeployButton, stopTaskButton, desiredSpinner}) {
            control.setTooltip(tip);
        }
    }

    private static void showWhen(javafx.scene.Node node, javafx.beans.value.ObservableBooleanValue condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(condition);
    }

    private void renderSections() {
        sectionsBox.getChildren().clear();
        for (DetailSection section : viewModel.sections()) {
            Label header = new Label(section.title());
            header.getStyleClass().add("section-title");
            GridPane grid = new GridPane();
            grid.getStyleClass().add("detail-grid");
            grid.setHgap(12);
            grid.setVgap(4);
            int row = 0;
            for (DetailRow r : section.rows()) {
                Label key = new Label(r.label());
                key.getStyleClass().add("detail-key");
                Label value = new Label(r.value());
                value.getStyleClass().add("detail-value");
                value.setWrapText(true);
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
            sectionsBox.getChildren().addAll(header, grid);
        }
    }

    private static void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    @FXML
    private void applyScale() {
        desiredSpinner.increment(0); // commits a typed value
        viewModel.applyDesiredCount();
    }

    @FXML
    private void forceNewDeployment() {
        viewModel.forceNewDeployment();
    }

    @FXML
    private void stopTask() {
        viewModel.stopTask();
    }

    @FXML
    private void tailLogs() {
        viewModel.tailLogs();
    }

    @FXML
    private void editTaskDefinition() {
        viewModel.editTaskDefinition();
    }

    @FXML
    private void openInConsole() {
        viewModel.openInConsole();
    }

    /** Puts the keyboard in the desired-count spinner (the tree's "Scale…"). */
    public void focusScale() {
        desiredSpinner.requestFocus();
        desiredSpinner.getEditor().selectAll();
    }
}
