package dev.ecsdeck.ui.tree;

import dev.ecsdeck.ui.common.Fxml;
import javafx.beans.value.ChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * Binds the tree view to its view model: rows, selection, the filter box, the stopped-tasks toggle,
 * and the keyboard: Enter opens or closes a row, Ctrl+C copies its ARN, Ctrl+L tails its logs,
 * Delete stops a task (after asking), Ctrl+F goes to the filter, Escape clears it, Ctrl+P opens
 * quick-open; the context menu offers the same per kind of row.
 */
public final class ClusterTreeController {
    private static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination TAIL = new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN);

    private final ClusterTreeViewModel viewModel;
    private final TreeActions actions;
    private final javafx.beans.value.ObservableBooleanValue readOnly;
    private final Parent view;
    @FXML
    private TreeView<TreeEntry> treeView;
    @FXML
    private CheckBox showStoppedBox;
    @FXML
    private TextField filterField;

    public ClusterTreeController(ClusterTreeViewModel viewModel, TreeActions actions, javafx.beans.value.ObservableBooleanValue readOnly) {
        this(viewModel, actions, readOnly, System::currentTimeMillis);
    }

    /** A tree whose running tasks show their age by this clock (the simulator's, in tests). */
    public ClusterTreeController(ClusterTreeViewModel viewModel, TreeActions actions, javafx.beans.value.ObservableBooleanValue readOnly,
            java.util.function.LongSupplier nowMillis) {
        this.viewModel = viewModel;
        this.actions = actions;
        this.readOnly = readOnly;
        this.clock = nowMillis;
        this.now.set(nowMillis.getAsLong());
        this.view = Fxml.load(this, "ClusterTree.fxml");
    }

    private final java.util.function.LongSupplier clock;
    /** The clock, read once a second: the task rows' ages follow it. */
    private final javafx.beans.property.LongProperty now = new javafx.beans.property.SimpleLongProperty();

    /** Reads the clock every second while the window shows, and stops for good once it has closed. */
    private void tickAges() {
        javafx.animation.Timeline ticks = new javafx.animation.Timeline();
        ticks.getKeyFrames().add(new javafx.animation.KeyFrame(javafx.util.Duration.seconds(1), e -> {
            var window = treeView.getScene() == null ? null : treeView.getScene().getWindow();
            if (window != null && !window.isShowing()) {
                ticks.stop();
            } else {
                now.set(clock.getAsLong());
            }
        }));
        ticks.setCycleCount(javafx.animation.Animation.INDEFINITE);
        ticks.play();
    }

    @FXML
    private void initialize() {
        treeView.setRoot(viewModel.root());
        treeView.setCellFactory(tv -> new ClusterTreeCell(viewModel.filterTextProperty(), now));
        tickAges();
        showStoppedBox.selectedProperty().bindBidirectional(viewModel.showStoppedTasksProperty());
        filterField.textProperty().bindBidirectional(viewModel.filterTextProperty());
        // The cells draw the match highlight: redraw them when the text changes.
        viewModel.filterTextProperty().addListener((obs, was, now) -> treeView.refresh());
        filterField.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                filterField.clear();
                treeView.requestFocus();
            } else if (e.getCode() == KeyCode.DOWN || e.getCode() == KeyCode.ENTER) {
                treeView.requestFocus();
                if (treeView.getSelectionModel().isEmpty()) {
                    treeView.getSelectionModel().selectFirst();
                }
            }
        });
        // The detail follows the selected row, and the row's value when a refresh replaces it.
        ChangeListener<TreeEntry> valueChanged = (obs, was, now) -> viewModel.selectedProperty().set(now);
        treeView.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            if (was != null) {
                was.valueProperty().removeListener(valueChanged);
            }
            if (now != null) {
                now.valueProperty().addListener(valueChanged);
            }
            viewModel.selectedProperty().set(now == null ? null : now.getValue());
        });
        treeView.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        treeView.setOnContextMenuRequested(e -> treeView.setContextMenu(menuFor(selected())));
    }

    private TreeItem<TreeEntry> selectedItem() {
        return treeView.getSelectionModel().getSelectedItem();
    }

    private TreeEntry selected() {
        TreeItem<TreeEntry> item = selectedItem();
        return item == null ? null : item.getValue();
    }

    private void onKey(KeyEvent e) {
        TreeItem<TreeEntry> item = selectedItem();
        if (item == null) {
            return;
        }
        if (e.getCode() == KeyCode.ENTER) {
            item.setExpanded(!item.isExpanded());
            e.consume();
        } else if (COPY.match(e)) {
            copy(item.getValue().arn() != null ? item.getValue().arn() : item.getValue().name());
            e.consume();
        } else if (TAIL.match(e)) {
            actions.tailLogs(item.getValue());
            e.consume();
        } else if (e.getCode() == KeyCode.DELETE && item.getValue() instanceof TreeEntry.TaskEntry) {
            actions.stopTask(item.getValue());
            e.consume();
        }
    }

    /** The context menu of a row: what can be done with that kind of row. */
    ContextMenu menuFor(TreeEntry entry) {
        ContextMenu menu = new ContextMenu();
        if (entry == null) {
            return menu;
        }
        menu.getItems().add(item("Copy name", () -> copy(entry.name())));
        if (entry.arn() != null) {
            menu.getItems().add(item("Copy ARN", () -> copy(entry.arn())));
        }
        menu.getItems().add(item("Refresh", () -> viewModel.refresh(selectedItem())));
        boolean logs = entry instanceof TreeEntry.ServiceEntry || entry instanceof TreeEntry.TaskEntry
                || entry instanceof TreeEntry.ContainerEntry;
        if (logs || entry.taskDefinitionArn() != null || entry instanceof TreeEntry.ServiceEntry) {
            menu.getItems().add(new SeparatorMenuItem());
        }
        if (logs) {
            menu.getItems().add(item("Tail logs", () -> actions.tailLogs(entry)));
        }
        if (entry instanceof TreeEntry.ServiceEntry) {
            menu.getItems().add(mutating(item("Scale…", () -> actions.scale(entry))));
        }
        if (entry instanceof TreeEntry.TaskEntry t && "RUNNING".equals(t.task().desiredStatus())) {
            menu.getItems().add(mutating(item("Stop task…", () -> actions.stopTask(entry))));
        }
        if (entry.taskDefinitionArn() != null) {
            menu.getItems().add(item("Show task definition", () -> actions.showTaskDefinition(entry)));
            menu.getItems().add(item("Edit task definition…", () -> actions.editTaskDefinition(entry)));
        }
        if (entry instanceof TreeEntry.FamilyEntry f) {
            menu.getItems().add(item("Browse revisions", () -> actions.browseRevisions(f.family())));
        }
        menu.getItems().addAll(instanceItems(entry));
        menu.getItems().add(new SeparatorMenuItem());
        menu.getItems().add(item("Quick open…", actions::quickOpen));
        return menu;
    }

    /** A container instance's changes (each asks first): drain it (when ACTIVE) and deregister it. */
    private java.util.List<MenuItem> instanceItems(TreeEntry entry) {
        if (!(entry instanceof TreeEntry.InstanceEntry i) || "INACTIVE".equals(i.instance().status())) {
            return java.util.List.of();
        }
        java.util.List<MenuItem> items = new java.util.ArrayList<>();
        items.add(new SeparatorMenuItem());
        if ("ACTIVE".equals(i.instance().status())) {
            items.add(mutating(item("Drain instance " + i.name() + "…", () -> actions.drainInstance(entry))));
        }
        items.add(mutating(item("Deregister instance " + i.name() + "…", () -> actions.deregisterInstance(entry))));
        return items;
    }

    private static MenuItem item(String text, Runnable action) {
        MenuItem m = new MenuItem(text);
        m.setOnAction(e -> action.run());
        return m;
    }

    /** A change: off in read-only mode, like every mutating control. */
    private MenuItem mutating(MenuItem m) {
        m.getStyleClass().add("mutating");
        m.setDisable(readOnly.get());
        return m;
    }

    private static void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    public Parent view() {
        return view;
    }

    public TreeView<TreeEntry> treeView() {
        return treeView;
    }

    public void focusFilter() {
        filterField.requestFocus();
        filterField.selectAll();
    }

    /** Selects and shows a row (clearing a filter that would hide it). */
    public void select(TreeItem<TreeEntry> item) {
        if (!filterField.getText().isEmpty() && item.getParent() != null && !item.getParent().getChildren().contains(item)) {
            filterField.clear();
        }
        for (TreeItem<TreeEntry> p = item.getParent(); p != null; p = p.getParent()) {
            p.setExpanded(true);
        }
        treeView.getSelectionModel().select(item);
        int row = treeView.getRow(item);
        if (row >= 0) {
            treeView.scrollTo(Math.max(0, row - 3));
        }
        treeView.requestFocus();
    }
}
