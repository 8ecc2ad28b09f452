package dev.ecsdeck.ui.logs;

import dev.ecsdeck.ui.common.Fxml;
import java.util.HashMap;
import java.util.Map;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.util.Duration;

/**
 * The log area: the start point of the next tail, a button to tail a log group chosen by hand, one
 * tab per tail, and the drain timer (20 Hz) that moves queued lines into the views, so the FX thread
 * never handles lines one event at a time (it also lets service tails look for new tasks).
 */
public final class LogPaneController {
    static final Duration DRAIN_PERIOD = Duration.millis(50);

    private final LogTabsViewModel viewModel;
    /** Null: each tab asks with a FileChooser. */
    private java.util.function.Function<String, java.nio.file.Path> saveTarget;
    private final Parent view;
    private final Map<LogTailViewModel, Tab> tabsByTail = new HashMap<>();
    private final Map<LogTailViewModel, LogTailView> viewsByTail = new HashMap<>();
    private final Timeline drainTimer = new Timeline(new KeyFrame(DRAIN_PERIOD, e -> drain()));
    @FXML
    private TabPane tabs;
    @FXML
    private Label placeholder;
    @FXML
    private ChoiceBox<TailStart.Choice> startChoice;
    @FXML
    private TextField startTime;
    @FXML
    private Label startError;

    public LogPaneController(LogTabsViewModel viewModel) {
        this.viewModel = viewModel;
        this.view = Fxml.load(this, "LogPane.fxml");
    }

    public Parent view() {
        return view;
    }

    @FXML
    private void initialize() {
        placeholder.visibleProperty().bind(javafx.beans.binding.Bindings.isEmpty(tabs.getTabs()));
        tabs.visibleProperty().bind(placeholder.visibleProperty().not());
        viewModel.tails().addListener((ListChangeListener<LogTailViewModel>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(this::addTab);
                change.getRemoved().forEach(this::removeTab);
            }
        });
        viewModel.selectedProperty().addListener((obs, was, now) -> {
            Tab tab = tabsByTail.get(now);
            if (tab != null) {
                tabs.getSelectionModel().select(tab);
            }
        });
        TailStartControls.bind(viewModel.start(), startChoice, startTime, startError);
        drainTimer.setCycleCount(Timeline.INDEFINITE);
        drainTimer.play();
    }

    /** Where "Save" writes for a suggested file name, instead of asking with a FileChooser (tabs opened from now on). */
    public void useSaveTarget(java.util.function.Function<String, java.nio.file.Path> target) {
        this.saveTarget = target;
    }

    private void addTab(LogTailViewModel tail) {
        LogTailView tailView = new LogTailView(tail, viewModel.executor(), saveTarget);
        Tab tab = new Tab(tail.title(), tailView.view());
        tab.setOnClosed(e -> viewModel.close(tail));
        tabsByTail.put(tail, tab);
        viewsByTail.put(tail, tailView);
        tabs.getTabs().add(tab);
        tabs.getSelectionModel().select(tab);
    }

    private void removeTab(LogTailViewModel tail) {
        Tab tab = tabsByTail.remove(tail);
        viewsByTail.remove(tail);
        if (tab != null) {
            tabs.getTabs().remove(tab);
        }
    }

    /**
     * Opens the dialog that picks a log group and streams by hand, starting from the pane's start point
     * and from the group the last tail could not follow exactly, and opens a tail of what is chosen.
     */
    @FXML
    public void openSourceDialog() {
        TailStartChooser start = new TailStartChooser(viewModel.start().zone());
        start.copyFrom(viewModel.start());
        LogSourceViewModel model = new LogSourceViewModel(viewModel.provider(), viewModel.executor(), viewModel::now, start);
        model.groupPrefixProperty().set(viewModel.suggestedGroupProperty().get());
        new LogSourceDialog(model).showAndWait(view.getScene() == null ? null : view.getScene().getWindow())
                .ifPresent(viewModel::openHandPicked);
    }

    private void drain() {
        viewModel.poll();
        for (Map.Entry<LogTailViewModel, LogTailView> e : viewsByTail.entrySet()) {
            if (e.getKey().drain() > 0) {
                e.getValue().afterDrain();
            }
        }
    }

    public void stop() {
        drainTimer.stop();
    }
}
