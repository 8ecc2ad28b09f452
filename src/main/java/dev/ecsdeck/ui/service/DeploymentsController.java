package dev.ecsdeck.ui.service;

import dev.ecsdeck.ui.common.Fxml;
import dev.ecsdeck.ui.common.ReadOnlyHint;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * The Deployments tab: the service's deployment history and the selected deployment's timeline
 * (see {@link DeploymentHistoryTable}), the ECS deployments table with progress bars, force/roll
 * back, and the deployment configuration form.
 */
public final class DeploymentsController {
    /** The progress column's least width: its bar and "3/3 running" on a line. */
    private static final double PROGRESS_WIDTH = 130;

    private final DeploymentsViewModel model;
    private final DeploymentHistoryViewModel history;
    private final Parent view;
    @FXML
    private Button rollBackToButton;
    @FXML
    private Button compareButton;
    @FXML
    private Label historyMessage;
    @FXML
    private TableView<DeploymentHistoryRow> historyTable;
    @FXML
    private javafx.scene.layout.VBox timelineBox;
    @FXML
    private Button forceButton;
    @FXML
    private Button rollBackButton;
    @FXML
    private Label messageLabel;
    @FXML
    private TableView<DeploymentRow> deploymentsTable;
    @FXML
    private Spinner<Integer> minSpinner;
    @FXML
    private Spinner<Integer> maxSpinner;
    @FXML
    private CheckBox breakerBox;
    @FXML
    private CheckBox rollbackBox;
    @FXML
    private Button applyConfigButton;
    @FXML
    private Button resetConfigButton;
    @FXML
    private Label configProblem;
    @FXML
    private Label deploymentAlarms;

    public DeploymentsController(DeploymentsViewModel model, DeploymentHistoryViewModel history) {
        this.model = model;
        this.history = history;
        this.view = Fxml.load(this, "Deployments.fxml");
    }

    private void keepTwoRowsInView() {
        javafx.scene.Node header = deploymentsTable.lookup(".column-header-background");
        double rows = deploymentsTable.lookupAll(".table-row-cell").stream()
                .filter(n -> n instanceof javafx.scene.control.TableRow<?> r && r.getItem() != null && r.getIndex() < 2)
                .mapToDouble(n -> n.getBoundsInLocal().getHeight()).sum();
        double wanted = Math.max(118, Math.ceil((header == null ? 0 : header.getBoundsInLocal().getHeight()) + rows + 4));
        if (Math.abs(deploymentsTable.getMinHeight() - wanted) > 1) {
            // After this layout pass: a minimum set during it is not laid out until the next.
            javafx.application.Platform.runLater(() -> deploymentsTable.setMinHeight(wanted));
        }
    }

    @FXML
    private void initialize() {
        messageLabel.textProperty().bind(model.messageProperty());
        new DeploymentHistoryTable(history, historyTable, historyMessage, rollBackToButton, compareButton);
        timelineBox.getChildren().setAll(new DeploymentTimelineView(history.timeline()).view());
        deploymentsTable.setItems(model.deployments());
        deploymentsTable.setPlaceholder(new Label("No deployments yet"));
        TableColumn<DeploymentRow, DeploymentRow> progress = new TableColumn<>("Progress");
        progress.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        progress.setCellFactory(c -> new ProgressCell());
        progress.setMinWidth(PROGRESS_WIDTH);
        progress.setPrefWidth(PROGRESS_WIDTH + 40);
        // The rollout's reason is the longest text: last, it takes the width the others leave.
        deploymentsTable.getColumns().setAll(TableFit.text("Status", r -> r.deployment().status()), TableFit.text("Revision", DeploymentRow::revision),
                progress, TableFit.text("Updated", r -> TableFit.time(r.deployment().updatedAt())),
                TableFit.text("Rollout", DeploymentRow::state));
        TableFit.fit(deploymentsTable);
        // With the log pane open the tab is short: the table still keeps its header and two
        // deployments whole (a rollout has two), whatever their wrapped height.
        deploymentsTable.needsLayoutProperty().addListener((obs, was, needs) -> {
            if (!needs) {
                keepTwoRowsInView();
            }
        });

        bindSpinner(minSpinner, model.minimumHealthyPercentProperty(), 0, 100);
        bindSpinner(maxSpinner, model.maximumPercentProperty(), 100, 200);
        breakerBox.selectedProperty().bindBidirectional(model.circuitBreakerProperty());
        rollbackBox.selectedProperty().bindBidirectional(model.rollbackProperty());
        var off = model.disabledProperty();
        for (var control : new javafx.scene.control.Control[] {forceButton, rollBackButton, minSpinner, maxSpinner, breakerBox, rollbackBox}) {
            control.disableProperty().bind(off);
        }
        applyConfigButton.disableProperty().bind(off.or(model.configurationEditedProperty().not()));
        resetConfigButton.disableProperty().bind(model.configurationEditedProperty().not());
        ReadOnlyHint.apply(forceButton, model.readOnly(), "Replace every task with a new one of the same revision.");
        ReadOnlyHint.apply(rollBackButton, model.readOnly(), "Deploy the revision the service ran before.");
        ReadOnlyHint.apply(applyConfigButton, model.readOnly(), "Save the deployment configuration (UpdateService).");
        for (var control : new javafx.scene.control.Control[] {minSpinner, maxSpinner, breakerBox, rollbackBox}) {
            ReadOnlyHint.apply(control, model.readOnly(), "Part of the deployment configuration; Apply saves it.");
        }
        // The problem line takes room only while there is a problem to say.
        deploymentAlarms.textProperty().bind(model.deploymentAlarmsProperty());
        configProblem.visibleProperty().bind(configProblem.textProperty().isNotEmpty());
        configProblem.managedProperty().bind(configProblem.visibleProperty());
        Runnable problem = () -> configProblem.setText(model.configurationProblem());
        model.minimumHealthyPercentProperty().addListener((o, a, b) -> problem.run());
        model.maximumPercentProperty().addListener((o, a, b) -> problem.run());
        model.circuitBreakerProperty().addListener((o, a, b) -> problem.run());
        model.rollbackProperty().addListener((o, a, b) -> problem.run());
    }

    private static void bindSpinner(Spinner<Integer> spinner, IntegerProperty value, int min, int max) {
        // The range is wider than ECS allows so a wrong value shows its message instead of being clamped silently.
        SpinnerValueFactory.IntegerSpinnerValueFactory factory = new SpinnerValueFactory.IntegerSpinnerValueFactory(0, 1000, value.get(), 5);
        spinner.setValueFactory(factory);
        factory.valueProperty().addListener((obs, was, now) -> {
            if (now != null && now != value.get()) {
                value.set(now);
            }
        });
        value.addListener((obs, was, now) -> {
            if (!now.equals(factory.getValue())) {
                factory.setValue(now.intValue());
            }
        });
        spinner.focusedProperty().addListener((obs, was, focused) -> {
            if (!focused) {
                spinner.increment(0); // commits a typed value
            }
        });
    }

    /** Running out of desired as a bar, the counts under it (failed tasks in red), wrapped rather than cut. */
    private static final class ProgressCell extends TableCell<DeploymentRow, DeploymentRow> {
        private final ProgressBar bar = new ProgressBar();

        ProgressCell() {
            bar.setPrefWidth(PROGRESS_WIDTH - 16);
            setContentDisplay(ContentDisplay.TOP);
            setWrapText(true);
            setPrefHeight(USE_COMPUTED_SIZE);
        }

        @Override
        protected void updateItem(DeploymentRow row, boolean empty) {
            super.updateItem(row, empty);
            getStyleClass().remove("deployment-failed-tasks");
            if (empty || row == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            bar.setProgress(row.progress());
            setGraphic(bar);
            setText(row.tasks());
            if (row.deployment().failedTasks() > 0) {
                getStyleClass().add("deployment-failed-tasks");
            }
        }
    }

    @FXML
    private void forceNewDeployment() {
        model.forceNewDeployment();
    }

    @FXML
    private void rollBack() {
        model.rollBack();
    }

    @FXML
    private void rollBackToRevision() {
        history.rollBackToSource();
    }

    @FXML
    private void compareRevisions() {
        history.compare();
    }

    @FXML
    private void applyConfiguration() {
        minSpinner.increment(0);
        maxSpinner.increment(0);
        model.applyConfiguration();
    }

    @FXML
    private void resetConfiguration() {
        model.resetConfiguration();
    }

    public Parent view() {
        return view;
    }
}
