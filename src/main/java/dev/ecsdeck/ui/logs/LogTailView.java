package dev.ecsdeck.ui.logs;

import atlantafx.base.theme.Styles;
import dev.ecsdeck.ui.common.Fxml;
import dev.ecsdeck.ui.common.TaskExecutor;
import dev.ecsdeck.ui.common.UiTaskExecutor;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.stage.FileChooser;
import javafx.util.Duration;

/**
 * One tail's tab: a toolbar (follow, filter, context, timestamps, wrap, details, copy, save), the
 * status and counters, and the rows, with the selected line's details (JSON pretty-printed) below
 * on demand.
 * <p>
 * The rows are painted on a canvas ({@link LogCanvas}, id {@code logLines}, style class
 * {@code log-lines}): no node per row, so a drain's work is proportional to the rows on screen, and
 * no CSS pass over row nodes each frame (under a fast stream every row on screen changes each frame).
 */
public final class LogTailView {
    /** Typing waits this long before re-filtering a million lines. */
    private static final Duration FILTER_DELAY = Duration.millis(200);

    private final LogTailViewModel viewModel;
    private final Function<String, Path> saveTarget;
    private TaskExecutor executor;
    private final Parent view;
    private final PauseTransition filterDelay = new PauseTransition(FILTER_DELAY);
    private ObjectProperty<Integer> contextValue;
    @FXML
    private ToggleButton logFollowToggle;
    @FXML
    private TextField logFilterField;
    @FXML
    private ToggleButton logRegexToggle;
    @FXML
    private Spinner<Integer> logContextSpinner;
    @FXML
    private ToggleButton logTimestampsToggle;
    @FXML
    private ToggleButton logWrapToggle;
    @FXML
    private ToggleButton logDetailsToggle;
    @FXML
    private Button logCopyButton;
    @FXML
    private MenuButton logSaveButton;
    @FXML
    private Label logStatusLabel;
    @FXML
    private Label logFilterError;
    @FXML
    private Label logFiltering;
    @FXML
    private Label logNotice;
    @FXML
    private Label logCounters;
    @FXML
    private SplitPane logSplit;
    private final LogSelection selection = new LogSelection();
    private LogCanvas logLines;
    @FXML
    private TextArea logDetailArea;

    /** Saves through a background executor of its own and asks for the file with a FileChooser. */
    public LogTailView(LogTailViewModel viewModel) {
        this(viewModel, null);
    }

    /** Saves through the app's executor (null: one of its own, made on the first save). */
    public LogTailView(LogTailViewModel viewModel, TaskExecutor executor) {
        this(viewModel, executor, null);
    }

    /** {@code saveTarget} picks the file for a suggested name (null: cancelled); null: a FileChooser. */
    LogTailView(LogTailViewModel viewModel, TaskExecutor executor, Function<String, Path> saveTarget) {
        this.viewModel = viewModel;
        this.executor = executor;
        this.saveTarget = saveTarget != null ? saveTarget : this::chooseFile;
        this.view = Fxml.load(this, "LogTail.fxml");
        view.getStylesheets().add(LogTailView.class.getResource("logs.css").toExternalForm());
    }

    public Parent view() {
        return view;
    }

    /** The canvas of rows ({@code #logLines}). */
    LogCanvas linesView() {
        return logLines;
    }

    LogSelection selection() {
        return selection;
    }

    @FXML
    private void initialize() {
        logFollowToggle.selectedProperty().bindBidirectional(viewModel.followProperty());
        logRegexToggle.selectedProperty().bindBidirectional(viewModel.regexProperty());
        logTimestampsToggle.selectedProperty().bindBidirectional(viewModel.timestampsProperty());
        logWrapToggle.selectedProperty().bindBidirectional(viewModel.wrapProperty());
        logContextSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(0, 100, viewModel.contextLinesProperty().get()));
        contextValue = viewModel.contextLinesProperty().asObject(); // held: the binding below is weak
        logContextSpinner.getValueFactory().valueProperty().bindBidirectional(contextValue);

        logFilterField.setText(viewModel.filterTextProperty().get());
        filterDelay.setOnFinished(e -> applyFilterText());
        logFilterField.textProperty().addListener((obs, was, now) -> filterDelay.playFromStart());
        logFilterField.setOnAction(e -> applyFilterText());
        viewModel.filterErrorProperty().addListener((obs, was, now) -> showFilterError(now));
        logFilterError.textProperty().bind(viewModel.filterErrorProperty());
        // Shown while a new filter is matched in the background (the rows still those of the previous one).
        logFiltering.visibleProperty().bind(viewModel.filteringProperty());
        logFiltering.managedProperty().bind(viewModel.filteringProperty());
        viewModel.filteringProperty().addListener((obs, was, now) -> {
            if (!now) {
                afterDrain(); // the new rows came: the newest in view while following
            }
        });

        logStatusLabel.textProperty().bind(viewModel.statusProperty());
        logNotice.textProperty().bind(viewModel.noticeProperty());
        logCounters.textProperty().bind(Bindings.createStringBinding(this::counters, viewModel.receivedProperty(),
                viewModel.shownProperty(), viewModel.droppedProperty(), viewModel.queuedProperty()));

        logLines = new LogCanvas(viewModel.shownRows(), viewModel::format, viewModel::filter, viewModel.wrapProperty()::get,
                viewModel.followProperty()::get, viewModel::lastMove, selection);
        logLines.setId("logLines");
        logSplit.getItems().add(0, logLines);
        // The selection stays on its lines as rows leave the head or come in among them; a new filter (every row replaced) clears it.
        viewModel.shownRows().addListener((javafx.collections.ListChangeListener<LogRow>) c -> {
            java.util.function.IntUnaryOperator move = viewModel.lastMove();
            if (move == null) {
                selection.clear();
            } else {
                selection.move(move);
            }
        });
        selection.addListener(this::selectionChanged);
        LogCanvasInput.install(logLines, selection, () -> viewModel.shownRows().size(), this::copySelection, () -> logDetailsToggle.setSelected(true),
                () -> viewModel.followProperty().set(false));

        viewModel.wrapProperty().addListener((obs, was, now) -> redraw());
        viewModel.timestampsProperty().addListener((obs, was, now) -> redraw());
        viewModel.followProperty().addListener((obs, was, now) -> {
            if (now) {
                scrollToEnd();
            }
        });
        // A new filter replaces the rows; while following, the newest of them should be on screen.
        for (javafx.beans.Observable filterPart : List.of(viewModel.filterTextProperty(), viewModel.regexProperty(),
                viewModel.contextLinesProperty())) {
            filterPart.addListener(o -> afterDrain());
        }
        logDetailsToggle.selectedProperty().addListener((obs, was, now) -> showDetails(now));
    }

    /**
     * After the view model's drain: keeps the newest line in view while following. Paused, the canvas
     * itself keeps its rows in place when rows leave the head.
     */
    public void afterDrain() {
        if (viewModel.followProperty().get()) {
            scrollToEnd();
        }
    }

    /** The index of the first row on screen, or -1 before the canvas is laid out. */
    int firstVisibleIndex() {
        return logLines.firstVisibleIndex();
    }

    /** The index of the last row on screen, or -1 before the canvas is laid out. */
    int lastVisibleIndex() {
        return logLines.lastVisibleIndex();
    }

    private void scrollToEnd() {
        logLines.showLast();
    }

    /** Timestamps or wrap toggled: every row is drawn anew, the same rows stay on screen (the newest, following). */
    private void redraw() {
        logLines.refresh();
        if (viewModel.followProperty().get()) {
            scrollToEnd();
        }
    }

    private void selectionChanged() {
        logLines.markDirty();
        updateDetails();
    }

    private void applyFilterText() {
        filterDelay.stop();
        viewModel.filterTextProperty().set(logFilterField.getText());
        if (viewModel.followProperty().get()) {
            scrollToEnd();
        }
    }

    private void showFilterError(String error) {
        boolean bad = error != null && !error.isEmpty();
        logFilterField.pseudoClassStateChanged(Styles.STATE_DANGER, bad);
        logFilterField.setTooltip(bad ? new Tooltip(error) : null);
    }

    private String counters() {
        String s = String.format(Locale.ROOT, "%,d received · %,d shown · %,d dropped", viewModel.receivedProperty().get(),
                viewModel.shownProperty().get(), viewModel.droppedProperty().get());
        long queued = viewModel.queuedProperty().get();
        return queued > 0 ? s + String.format(Locale.ROOT, " · %,d queued", queued) : s;
    }

    @FXML
    private void copySelection() {
        // A million rows selected take a while to format: in the background, then to the clipboard.
        viewModel.copy(selection.ranges(), executor(), text -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(text);
            Clipboard.getSystemClipboard().setContent(content);
        });
    }

    @FXML
    private void saveAll() {
        save(false);
    }

    @FXML
    private void saveShown() {
        save(true);
    }

    private void save(boolean shownOnly) {
        Path file = saveTarget.apply(viewModel.title().replaceAll("[^A-Za-z0-9._-]+", "-") + ".log");
        if (file == null) {
            return;
        }
        viewModel.save(file, shownOnly, executor());
    }

    /** The executor given, or one of its own, made at first use. */
    private TaskExecutor executor() {
        if (executor == null) {
            executor = new UiTaskExecutor(1, e -> viewModel.noticeProperty().set("Failed: " + e));
        }
        return executor;
    }

    private Path chooseFile(String suggestedName) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save log lines");
        chooser.setInitialFileName(suggestedName);
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Log files", "*.log", "*.txt"),
                new FileChooser.ExtensionFilter("All files", "*"));
        File f = chooser.showSaveDialog(view.getScene() == null ? null : view.getScene().getWindow());
        return f == null ? null : f.toPath();
    }

    private void showDetails(boolean show) {
        if (show && !logSplit.getItems().contains(logDetailArea)) {
            logSplit.getItems().add(logDetailArea);
            logSplit.setDividerPositions(0.65);
            updateDetails();
        } else if (!show) {
            logSplit.getItems().remove(logDetailArea);
        }
    }

    private void updateDetails() {
        if (!logDetailsToggle.isSelected()) {
            return;
        }
        int caret = selection.caret();
        List<LogRow> rows = viewModel.shownRows();
        LogRow row = caret >= 0 && caret < rows.size() && selection.contains(caret) ? rows.get(caret) : null;
        if (row instanceof LogLine line) {
            logDetailArea.setText(viewModel.format().prefix(line) + "\n" + LogJson.pretty(line.message()).orElse(line.message()));
        } else {
            logDetailArea.setText("Select a line to see it in full; JSON lines are pretty-printed.");
        }
    }
}
