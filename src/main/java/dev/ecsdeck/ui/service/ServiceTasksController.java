package dev.ecsdeck.ui.service;

import dev.ecsdeck.model.EcsTask;
import dev.ecsdeck.ui.common.Fxml;
import dev.ecsdeck.ui.common.ReadOnlyHint;
import dev.ecsdeck.ui.common.TaskTargets.TaskTargetHealth;
import dev.ecsdeck.ui.exec.OpenShellDialog;
import dev.ecsdeck.ui.exec.ShellMenuItem;
import dev.ecsdeck.ui.exec.TerminalLauncher;
import dev.ecsdeck.ui.service.ServiceTasksViewModel.TaskRow;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;

/**
 * The service's tasks: a table updated in place (with the stopped ones' time, exit code and reason
 * while any is listed), Show stopped, Stop task…, Tail logs on each row and for the selection, Tail all.
 */
public final class ServiceTasksController {
    private static final PseudoClass STOPPED = PseudoClass.getPseudoClass("stopped");
    private static final List<String> TARGET_STATES = List.of("target-healthy", "target-unhealthy", "target-draining", "target-initial",
            "target-unused", "target-unavailable", "target-not-registered");

    private final ServiceTasksViewModel model;
    private final Parent view;
    private final SimpleBooleanProperty stopAllowed = new SimpleBooleanProperty(false);
    @FXML
    private CheckBox showStopped;
    @FXML
    private Label countLabel;
    @FXML
    private TableView<TaskRow> tasksTable;
    @FXML
    private Button stopButton;
    @FXML
    private Button tailButton;
    @FXML
    private Button tailAllButton;
    @FXML
    private Label messageLabel;

    public ServiceTasksController(ServiceTasksViewModel model) {
        this.model = model;
        this.view = Fxml.load(this, "ServiceTasks.fxml");
        view.getStylesheets().add(ServiceTasksController.class.getResource(ServiceEventsController.STYLESHEET).toExternalForm());
    }

    @FXML
    private void initialize() {
        showStopped.selectedProperty().bindBidirectional(model.showStoppedProperty());
        countLabel.textProperty().bind(model.countProperty());
        messageLabel.textProperty().bind(model.messageProperty());

        SortedList<TaskRow> sorted = new SortedList<>(model.rows());
        sorted.comparatorProperty().bind(tasksTable.comparatorProperty());
        tasksTable.setItems(sorted);
        tasksTable.setPlaceholder(new Label("No running or recently stopped tasks"));
        // The reason with each container's exit code: one column for why the task stopped.
        TableColumn<TaskRow, String> reason = column("Reason", ServiceTasksViewModel::stoppedReason);
        TableColumn<TaskRow, String> id = TableFit.id("Task", TaskRow::taskId);
        tasksTable.getColumns().setAll(
                id,
                tailColumn(),
                column("Status", t -> ServiceTasksViewModel.status(t) + " · " + ServiceTasksViewModel.health(t)),
                column("Revision", ServiceTasksViewModel::revision),
                column("Started", t -> TableFit.time(t.startedAt()) + (t.stoppedAt() == null ? "" : " → stopped " + TableFit.time(t.stoppedAt()))),
                column("Where", ServiceTasksViewModel::where),
                targetHealthColumn(),
                reason);
        // The stopped tasks' reason shows while one is listed; the columns share the width rather than cut one.
        BooleanBinding anyStopping = Bindings.createBooleanBinding(() -> model.rows().stream().anyMatch(TaskRow::stopping), model.rows(),
                model.countProperty());
        reason.visibleProperty().bind(anyStopping);
        TableFit.fit(tasksTable);
        tasksTable.setRowFactory(table -> new TaskTableRow());

        // Stop is allowed for a selected task that is not already stopping, and never in read-only mode.
        ChangeListener<EcsTask> selectedTaskChanged = (obs, was, now) -> updateStopAllowed();
        tasksTable.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            if (was != null) {
                was.taskProperty().removeListener(selectedTaskChanged);
            }
            if (now != null) {
                now.taskProperty().addListener(selectedTaskChanged);
            }
            updateStopAllowed();
        });
        model.readOnly().addListener((obs, was, now) -> updateStopAllowed());
        stopButton.disableProperty().bind(stopAllowed.not());
        ReadOnlyHint.apply(stopButton, model.readOnly(), "Stop the selected task, after confirmation; the service starts a replacement.");
        tailButton.disableProperty().bind(tasksTable.getSelectionModel().selectedItemProperty().isNull());
        tailButton.setTooltip(new Tooltip("Follow the selected task's container logs"));
        tailAllButton.setTooltip(new Tooltip("Follow the container logs of all the service's tasks"));
        messageLabel.visibleProperty().bind(Bindings.isNotEmpty(model.messageProperty()));
    }

    /** "Tail logs" on each row: running or stopped, a task's logs are a click away. */
    private TableColumn<TaskRow, TaskRow> tailColumn() {
        TableColumn<TaskRow, TaskRow> c = new TableColumn<>("Logs");
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        c.setCellFactory(col -> new TableCell<>() {
            private final Button tail = new Button("Tail logs");

            {
                tail.getStyleClass().addAll("row-tail-logs", "small");
                tail.setMinWidth(Region.USE_PREF_SIZE);
                tail.setOnAction(e -> model.tail(getItem()));
            }

            @Override
            protected void updateItem(TaskRow row, boolean empty) {
                super.updateItem(row, empty);
                setText(null);
                setGraphic(empty || row == null ? null : tail);
                if (!empty && row != null) {
                    tail.setTooltip(new Tooltip("Follow the logs of task " + row.taskId()));
                }
            }
        });
        c.setSortable(false);
        return c;
    }

    /**
     * The task's target health, for a load-balanced service only: the most worrying group's state and
     * reason, every group's with ELB's description in the tooltip.
     */
    private TableColumn<TaskRow, TaskTargetHealth> targetHealthColumn() {
        TableColumn<TaskRow, TaskTargetHealth> c = new TableColumn<>("Target"); // "Target health" would not fit beside the others
        c.setCellValueFactory(cell -> cell.getValue().targetHealthProperty());
        c.setCellFactory(col -> new TableCell<>() {
            private final Text text = new Text();

            {
                // Wraps like the other columns' text, in the cell's colour and font (the state's style sets them).
                text.getStyleClass().add("wrapped-cell-text");
                text.wrappingWidthProperty().bind(widthProperty().subtract(16));
                text.fillProperty().bind(textFillProperty());
                text.fontProperty().bind(fontProperty());
            }

            @Override
            protected void updateItem(TaskTargetHealth health, boolean empty) {
                super.updateItem(health, empty);
                getStyleClass().removeAll(TARGET_STATES);
                setText(null);
                if (empty || health == null) {
                    setGraphic(null);
                    setTooltip(null);
                    return;
                }
                text.setText(health.text());
                setGraphic(text);
                setTooltip(new Tooltip(health.details()));
                getStyleClass().add("target-" + health.state().replace(' ', '-'));
            }
        });
        c.setComparator(java.util.Comparator.nullsLast(java.util.Comparator.comparing(TaskTargetHealth::text)));
        c.setPrefWidth(60);
        c.visibleProperty().bind(model.loadBalancedProperty());
        return c;
    }

    private void updateStopAllowed() {
        stopAllowed.set(model.canStop(tasksTable.getSelectionModel().getSelectedItem()));
    }

    /** A wrapping column of what a row's task shows, following the task as it changes. */
    private static TableColumn<TaskRow, String> column(String title, Function<EcsTask, String> value) {
        return TableFit.observedText(title, cell -> {
            TaskRow row = cell.getValue();
            return Bindings.createStringBinding(() -> value.apply(row.task()), row.taskProperty());
        });
    }

    /** A row that greys out stopping and stopped tasks and tails a task's logs on double-click. */
    private final class TaskTableRow extends TableRow<TaskRow> {
        private final ChangeListener<EcsTask> changed = (obs, was, now) -> mark();

        TaskTableRow() {
            setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !isEmpty()) {
                    model.tail(getItem());
                }
            });
            // A secondary click opens the row's menu where the platform sends no context-menu request for it (as the tree's rows do).
            addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
                ContextMenu menu = getContextMenu();
                if (e.getButton() == MouseButton.SECONDARY && e.isStillSincePress() && !isEmpty() && menu != null && !menu.isShowing()) {
                    menu.show(this, e.getScreenX(), e.getScreenY());
                    e.consume();
                }
            });
        }

        @Override
        protected void updateItem(TaskRow row, boolean empty) {
            TaskRow before = getItem();
            if (before != null) {
                before.taskProperty().removeListener(changed);
            }
            super.updateItem(row, empty);
            if (!empty && row != null) {
                row.taskProperty().addListener(changed);
                setTooltip(new Tooltip(row.taskArn()));
                setContextMenu(rowMenu(row));
            } else {
                setTooltip(null);
                setContextMenu(null);
            }
            mark();
        }

        private void mark() {
            TaskRow row = getItem();
            pseudoClassStateChanged(STOPPED, !isEmpty() && row != null && row.stopping());
        }
    }

    /** Copies the task's id or ARN, whole; opens a shell in it (the item made as the menu shows, for the task as it is then). */
    private ContextMenu rowMenu(TaskRow row) {
        MenuItem id = new MenuItem("Copy task id");
        id.setOnAction(e -> copy(row.taskId()));
        MenuItem arn = new MenuItem("Copy task ARN");
        arn.setOnAction(e -> copy(row.taskArn()));
        ContextMenu menu = new ContextMenu(id, arn, new SeparatorMenuItem(), shellItem(row));
        menu.setOnShowing(e -> menu.getItems().set(3, shellItem(row)));
        return menu;
    }

    private MenuItem shellItem(TaskRow row) {
        return ShellMenuItem.of(model.shellUnavailable(row), model.readOnly(),
                () -> OpenShellDialog.show(tasksTable.getScene().getWindow(), model.shell(row, TerminalLauncher.system())));
    }

    private static void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    @FXML
    private void stop() {
        model.stop(tasksTable.getSelectionModel().getSelectedItem());
    }

    @FXML
    private void tail() {
        model.tail(tasksTable.getSelectionModel().getSelectedItem());
    }

    @FXML
    private void tailAll() {
        model.tailAll();
    }

    public Parent view() {
        return view;
    }
}
