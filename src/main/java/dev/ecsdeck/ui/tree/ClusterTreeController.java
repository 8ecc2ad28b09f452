package dev.ecsdeck.ui.tree;

import dev.ecsdeck.ui.common.Fxml;
import javafx.beans.value.ChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * Binds the tree view to its view model: rows, selection, the filter box, the stopped-tasks toggle,
 * and the keyboard: Enter opens or closes a row, Ctrl+C copies its ARN, Ctrl+L tails its logs,
 * Delete stops a task (after asking), Ctrl+F goes to the filter, Escape clears it, Ctrl+P opens
 * quick-open. A right-click selects the row under the pointer and opens that row's menu; the
 * context-menu key and Shift+F10 open the selected row's.
 */
public final class ClusterTreeController {
    private static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination TAIL = new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination MENU = new KeyCodeCombination(KeyCode.F10, KeyCombination.SHIFT_DOWN);

    private final ClusterTreeViewModel viewModel;
    private final TreeActions actions;
    private final RowMenu rowMenu;
    private final Parent view;
    /** The row menu on screen (or last shown), and its row. */
    private ContextMenu openMenu;
    private TreeItem<TreeEntry> openMenuRow;
    @FXML
    private TreeView<TreeEntry> treeView;
    @FXML
    private CheckBox showStoppedBox;
    @FXML
    private TextField filterField;
    @FXML
    private javafx.scene.control.Label filterStatus;
    /** The row the user (or a reveal) selected last. */
    private TreeItem<TreeEntry> chosen;
    /** How many "Needs attention" items each cluster has, for the badge on its collapsed row. */
    private java.util.function.ToIntFunction<String> attentionCounts = cluster -> 0;

    public ClusterTreeController(ClusterTreeViewModel viewModel, TreeActions actions, javafx.beans.value.ObservableBooleanValue readOnly) {
        this(viewModel, actions, readOnly, System::currentTimeMillis);
    }

    /** A tree whose running tasks show their age by this clock (the simulator's, in tests). */
    public ClusterTreeController(ClusterTreeViewModel viewModel, TreeActions actions, javafx.beans.value.ObservableBooleanValue readOnly,
            java.util.function.LongSupplier nowMillis) {
        this.viewModel = viewModel;
        this.actions = actions;
        this.rowMenu = new RowMenu(actions, readOnly, this::selectRow, viewModel::refresh);
        this.clock = nowMillis;
        this.now.set(nowMillis.getAsLong());
        this.view = Fxml.load(this, "ClusterTree.fxml");
    }

    private final java.util.function.LongSupplier clock;
    /** The clock, read once a second: the task rows' ages follow it. */
    private final javafx.beans.property.LongProperty now = new javafx.beans.property.SimpleLongProperty();

    /** Reads the clock every second while the window shows, and stops for good once it has closed. */
    /**
     * Ages tick once a second while the tree's window shows. Tied to the window, not started once: a running
     * Timeline is held by the toolkit, so one that outlived its tree (its scene put aside, or its window closed)
     * would hold the whole window in memory.
     */
    private void tickAges() {
        javafx.animation.Timeline ticks = new javafx.animation.Timeline(new javafx.animation.KeyFrame(javafx.util.Duration.seconds(1),
                e -> now.set(clock.getAsLong())));
        ticks.setCycleCount(javafx.animation.Animation.INDEFINITE);
        javafx.beans.value.ObservableValue<Boolean> shown = treeView.sceneProperty().flatMap(javafx.scene.Scene::windowProperty)
                .flatMap(javafx.stage.Window::showingProperty).orElse(false);
        shown.addListener((obs, was, is) -> {
            if (is) {
                ticks.play();
            } else {
                ticks.stop();
            }
        });
        if (shown.getValue()) {
            ticks.play();
        }
    }

    @FXML
    private void initialize() {
        treeView.setRoot(viewModel.root());
        treeView.setCellFactory(tv -> new ClusterTreeCell(viewModel.filterTextProperty(), this::openMenu,
                c -> attentionCounts.applyAsInt(c), now));
        tickAges();
        showStoppedBox.selectedProperty().bindBidirectional(viewModel.showStoppedTasksProperty());
        filterField.textProperty().bindBidirectional(viewModel.filterTextProperty());
        filterStatus.textProperty().bind(viewModel.filterStatusProperty());
        filterStatus.visibleProperty().bind(viewModel.filterStatusProperty().isNotEmpty());
        filterStatus.managedProperty().bind(filterStatus.visibleProperty());
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
            if (!viewModel.rowsChanging()) {
                chosen = now;
                viewModel.selectedProperty().set(now == null ? null : now.getValue());
            }
        });
        viewModel.onRowsChanged(this::keepChosenRow);
        treeView.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        // A right-click is the cell's (its own row's menu); what reaches the tree itself is the
        // keyboard's request (the selected row's menu) or a click below the last row (no menu).
        treeView.setOnContextMenuRequested(e -> {
            if (e.isKeyboardTrigger()) {
                openMenuOfSelection();
            }
            e.consume();
        });
    }

    /** After rows came and went, the row the user chose is selected again if it is still shown. */
    private void keepChosenRow() {
        TreeItem<TreeEntry> now = selectedItem();
        if (chosen != null && chosen != now && treeView.getRow(chosen) >= 0) {
            treeView.getSelectionModel().select(chosen);
            return;
        }
        chosen = now;
        TreeEntry value = now == null ? null : now.getValue();
        if (viewModel.selectedProperty().get() != value) {
            viewModel.selectedProperty().set(value);
        }
    }

    private TreeItem<TreeEntry> selectedItem() {
        return treeView.getSelectionModel().getSelectedItem();
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
            RowMenu.copy(item.getValue().arn() != null ? item.getValue().arn() : item.getValue().name());
            e.consume();
        } else if (TAIL.match(e)) {
            actions.tailLogs(item.getValue());
            e.consume();
        } else if (e.getCode() == KeyCode.CONTEXT_MENU || MENU.match(e)) {
            openMenuOfSelection();
            e.consume();
        } else if (e.getCode() == KeyCode.DELETE && item.getValue() instanceof TreeEntry.TaskEntry) {
            actions.stopTask(item.getValue());
            e.consume();
        }
    }

    /**
     * Opens a row's menu at a point on screen, unless that row's menu is already open (a right-click
     * can reach here twice: from the mouse release and from the platform's menu event).
     */
    private void openMenu(TreeItem<TreeEntry> row, Node anchor, double screenX, double screenY) {
        if (openMenu != null && openMenu.isShowing()) {
            if (openMenuRow == row) {
                return;
            }
            openMenu.hide();
        }
        ContextMenu menu = rowMenu.of(row);
        if (menu.getItems().isEmpty()) {
            return;
        }
        openMenu = menu;
        openMenuRow = row;
        menu.show(anchor, screenX, screenY);
    }

    /** The context-menu key and Shift+F10: the selected row's menu, under that row. */
    private void openMenuOfSelection() {
        TreeItem<TreeEntry> row = selectedItem();
        if (row == null) {
            return;
        }
        Node anchor = treeView.lookupAll(".tree-cell").stream()
                .filter(n -> n instanceof ClusterTreeCell c && c.getTreeItem() == row && !c.isEmpty())
                .findFirst().orElse(treeView);
        javafx.geometry.Bounds b = anchor.localToScreen(anchor.getBoundsInLocal());
        openMenu(row, anchor, b.getMinX() + 24, b.getMaxY());
    }

    public Parent view() {
        return view;
    }

    /** Shows each collapsed cluster row's count of attention items, from {@code counts} (redrawn now). */
    public void showAttentionCounts(java.util.function.ToIntFunction<String> counts) {
        this.attentionCounts = counts;
        treeView.refresh();
    }

    public TreeView<TreeEntry> treeView() {
        return treeView;
    }

    public void focusFilter() {
        filterField.requestFocus();
        filterField.selectAll();
    }

    /** Selects a row a menu item acts on, so the tree and the detail show it (if it is not already). */
    private void selectRow(TreeItem<TreeEntry> row) {
        if (selectedItem() != row) {
            select(row);
        }
    }

    /** Selects and shows a row (clearing a filter that would hide it). */
    public void select(TreeItem<TreeEntry> item) {
        if (!filterField.getText().isEmpty() && item.getParent() != null && !item.getParent().getChildren().contains(item)) {
            filterField.clear();
        }
        for (TreeItem<TreeEntry> p = item.getParent(); p != null; p = p.getParent()) {
            p.setExpanded(true);
        }
        chosen = item;
        treeView.getSelectionModel().select(item);
        int row = treeView.getRow(item);
        if (row >= 0) {
            treeView.scrollTo(Math.max(0, row - 3));
        }
        treeView.requestFocus();
    }
}
