package dev.ecsdeck.ui.shell;

import dev.ecsdeck.ui.common.Fxml;
import dev.ecsdeck.ui.common.Icons;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.util.Duration;
import org.controlsfx.control.StatusBar;

/**
 * The main window: toolbar (backend, refresh, auto-refresh, read-only, theme), read-only banner,
 * tree | detail over the log area, and the status bar (backend, read-only, calls in flight, last error).
 */
public final class MainWindowController {
    private final ShellViewModel shell;
    private final Runnable refresh;
    private final Parent view;
    private final Timeline autoRefresh;
    private final Label callsLabel = new Label();
    private final Label modeLabel = new Label();
    private final Label backendStatus = new Label();
    @FXML
    private Label backendLabel;
    @FXML
    private Button refreshButton;
    @FXML
    private ToggleButton autoRefreshToggle;
    @FXML
    private ToggleButton readOnlyToggle;
    @FXML
    private ToggleButton darkToggle;
    @FXML
    private HBox readOnlyBanner;
    @FXML
    private SplitPane verticalSplit;
    @FXML
    private SplitPane horizontalSplit;
    @FXML
    private StatusBar statusBar;

    public MainWindowController(ShellViewModel shell, Runnable refresh, int refreshSeconds) {
        this.shell = shell;
        this.refresh = refresh;
        this.autoRefresh = new Timeline(new KeyFrame(Duration.seconds(Math.max(1, refreshSeconds)), e -> refresh.run()));
        this.autoRefresh.setCycleCount(Timeline.INDEFINITE);
        this.view = Fxml.load(this, "MainWindow.fxml");
        if (refreshSeconds > 0) {
            autoRefreshToggle.setSelected(true);
        } else {
            autoRefreshToggle.setDisable(true);
        }
    }

    @FXML
    private void initialize() {
        backendLabel.setText(shell.backendLabel());
        backendLabel.setGraphic(Icons.backend());
        refreshButton.setGraphic(Icons.refresh());
        readOnlyToggle.setGraphic(Icons.lock());
        darkToggle.setGraphic(Icons.darkMode());
        readOnlyToggle.selectedProperty().bindBidirectional(shell.readOnlyProperty());
        darkToggle.selectedProperty().bindBidirectional(shell.darkProperty());
        readOnlyBanner.visibleProperty().bind(shell.readOnlyProperty());
        readOnlyBanner.managedProperty().bind(shell.readOnlyProperty());
        autoRefreshToggle.selectedProperty().addListener((obs, was, on) -> {
            if (on) {
                autoRefresh.play();
            } else {
                autoRefresh.stop();
            }
        });

        backendStatus.setText(shell.backendLabel());
        modeLabel.textProperty().bind(Bindings.when(shell.readOnlyProperty()).then("READ-ONLY").otherwise("read-write"));
        modeLabel.getStyleClass().add("mode-label");
        shell.readOnlyProperty().addListener((obs, was, ro) -> modeLabel.pseudoClassStateChanged(
                javafx.css.PseudoClass.getPseudoClass("read-only"), ro));
        modeLabel.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("read-only"), shell.readOnlyProperty().get());
        callsLabel.textProperty().bind(Bindings.createStringBinding(
                () -> (shell.callsInFlightProperty().get() == 0 ? "idle" : shell.callsInFlightProperty().get() + " calls in flight")
                        + (shell.retriesProperty().get() == 0 ? "" : " · " + shell.retriesProperty().get() + " retries"),
                shell.callsInFlightProperty(), shell.retriesProperty()));
        callsLabel.setId("callsInFlight");
        statusBar.textProperty().bind(Bindings.when(shell.lastErrorProperty().isEmpty())
                .then(shell.statusProperty()).otherwise(shell.lastErrorProperty()));
        statusBar.getRightItems().setAll(backendStatus, sep(), modeLabel, sep(), callsLabel);
        Button clear = new Button("Dismiss");
        clear.getStyleClass().add("flat");
        clear.visibleProperty().bind(shell.lastErrorProperty().isNotEmpty());
        clear.setOnAction(e -> shell.clearError());
        statusBar.getLeftItems().setAll(clear);
    }

    private static Node sep() {
        return new javafx.scene.control.Separator(javafx.geometry.Orientation.VERTICAL);
    }

    @FXML
    private void refresh() {
        refresh.run();
    }

    /** Places the three areas. */
    public void setAreas(Node tree, Node detail, Node logs) {
        horizontalSplit.getItems().setAll(tree, detail);
        verticalSplit.getItems().setAll(horizontalSplit, logs);
    }

    public Parent view() {
        return view;
    }

    public SplitPane horizontalSplit() {
        return horizontalSplit;
    }

    public SplitPane verticalSplit() {
        return verticalSplit;
    }

    public void stop() {
        autoRefresh.stop();
    }
}
