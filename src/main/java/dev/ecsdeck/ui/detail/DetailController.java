package dev.ecsdeck.ui.detail;

import dev.ecsdeck.ui.common.Fxml;
import dev.ecsdeck.ui.common.Icons;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
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
    private HBox taskActions;
    @FXML
    private Button stopTaskButton;
    @FXML
    private HBox instanceActions;
    @FXML
    private Button drainButton;
    @FXML
    private Button activateButton;
    @FXML
    private Button deregisterButton;
    @FXML
    private VBox sectionsBox;
    @FXML
    private Button consoleButton;
    @FXML
    private javafx.scene.control.TextArea documentArea;

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
        showWhen(taskActions, viewModel.runningTaskSelectedProperty());
        showWhen(consoleButton, viewModel.consoleUrlProperty().isNotNull());
        consoleButton.setGraphic(Icons.of(org.kordamp.ikonli.material2.Material2AL.LAUNCH));
        showWhen(documentArea, viewModel.documentProperty().isNotEmpty());
        documentArea.textProperty().bind(viewModel.documentProperty());

        stopTaskButton.disableProperty().bind(viewModel.actionsDisabledProperty());
        showWhen(instanceActions, viewModel.instanceSelectedProperty());
        showWhen(drainButton, viewModel.instanceDrainingProperty().not());
        showWhen(activateButton, viewModel.instanceDrainingProperty());
        for (Button b : new Button[] {drainButton, activateButton, deregisterButton}) {
            b.disableProperty().bind(viewModel.actionsDisabledProperty());
        }
        viewModel.actionsDisabledProperty().addListener((obs, was, now) -> updateTooltips());
        updateTooltips();

        new DetailSectionsView(sectionsBox, viewModel.sections());
    }

    private void updateTooltips() {
        String reason = viewModel.disabledReason();
        Tooltip tip = reason.isEmpty() ? null : new Tooltip(reason);
        for (var control : new javafx.scene.control.Control[] {stopTaskButton, drainButton, activateButton, deregisterButton}) {
            control.setTooltip(tip);
        }
    }

    private static void showWhen(javafx.scene.Node node, javafx.beans.value.ObservableBooleanValue condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(condition);
    }

    @FXML
    private void stopTask() {
        viewModel.stopTask();
    }

    @FXML
    private void drainInstance() {
        viewModel.drainInstance();
    }

    @FXML
    private void activateInstance() {
        viewModel.activateInstance();
    }

    @FXML
    private void deregisterInstance() {
        viewModel.deregisterInstance();
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
}
