package dev.ecsdeck.ui.shell;

import dev.ecsdeck.ui.common.Fxml;
import dev.ecsdeck.ui.common.Icons;
import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.util.Duration;
import org.controlsfx.control.StatusBar;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * The main window: toolbar (backend, refresh, auto-refresh, read-only, theme), read-only banner,
 * tree | detail over the log area, and the status bar (last error or a passing message; backend, calls in flight, retries, errors).
 */
public final class MainWindowController {
    /** How long a passing status message stays when the user does nothing. */
    static final int MESSAGE_SECONDS = 20;
    private final ShellViewModel shell;
    private final Runnable refresh;
    private final Parent view;
    private final Timeline autoRefresh;
    private final Label callsLabel = new Label();
    private final Label backendStatus = new Label();
    @FXML
    private Label backendLabel;
    @FXML
    private javafx.scene.control.ComboBox<BackendChoice> backendBox;
    @FXML
    private javafx.scene.control.ComboBox<String> regionBox;
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
    private Label readOnlyBannerLabel;
    @FXML
    private javafx.scene.control.MenuButton draftsButton;
    @FXML
    private SplitPane verticalSplit;
    @FXML
    private SplitPane horizontalSplit;
    @FXML
    private StatusBar statusBar;
    private Node logs;
    private double logDivider = 0.6;

    private final BackendPickerViewModel picker;

    /** {@code refresh} is what F5 and the button do; {@code autoRefresh} what the timer does (it may skip slow checks). */
    public MainWindowController(ShellViewModel shell, Runnable refresh, Runnable autoRefresh, int refreshSeconds, BackendPickerViewModel picker) {
        this.shell = shell;
        this.picker = picker;
        this.refresh = refresh;
        this.autoRefresh = new Timeline(new KeyFrame(Duration.seconds(Math.max(1, refreshSeconds)), e -> autoRefresh.run()));
        this.autoRefresh.setCycleCount(Timeline.INDEFINITE);
        this.view = Fxml.load(this, "MainWindow.fxml");
        expirePassingMessages();
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
        bindPicker();
        refreshButton.setGraphic(Icons.refresh());
        darkToggle.setGraphic(Icons.darkMode());
        bindReadOnlyToggle();
        darkToggle.selectedProperty().bindBidirectional(shell.darkProperty());
        readOnlyBanner.visibleProperty().bind(shell.readOnlyProperty());
        readOnlyBanner.managedProperty().bind(shell.readOnlyProperty());
        readOnlyBannerLabel.textProperty().bind(Bindings.createStringBinding(() -> bannerText(shell.readOnlyReasonProperty().get()),
                shell.readOnlyReasonProperty()));
        autoRefreshToggle.selectedProperty().addListener((obs, was, on) -> {
            if (on) {
                autoRefresh.play();
            } else {
                autoRefresh.stop();
            }
        });

        backendStatus.setText(shell.backendLabel());
        callsLabel.textProperty().bind(Bindings.createStringBinding(
                () -> ShellViewModel.activity(shell.callsInFlightProperty().get(), shell.retriesProperty().get(), shell.errorsProperty().get()),
                shell.callsInFlightProperty(), shell.retriesProperty(), shell.errorsProperty()));
        callsLabel.setId("callsInFlight");
        statusBar.textProperty().bind(Bindings.when(shell.lastErrorProperty().isEmpty())
                .then(shell.statusProperty()).otherwise(shell.lastErrorProperty()));
        statusBar.getRightItems().setAll(backendStatus, sep(), callsLabel);
        Button clear = new Button("Dismiss");
        clear.setId("dismissErrorButton");
        clear.getStyleClass().add("flat");
        clear.visibleProperty().bind(shell.lastErrorProperty().isNotEmpty());
        clear.managedProperty().bind(clear.visibleProperty());
        clear.setOnAction(e -> shell.clearError());
        statusBar.getLeftItems().setAll(clear);
    }

    /**
     * The read-only switch says which mode is on ("Read-only: on" with a closed lock, "Read-only: off"
     * with an open one), and its tooltip what that means.
     */
    private void bindReadOnlyToggle() {
        readOnlyToggle.selectedProperty().bindBidirectional(shell.readOnlyProperty());
        readOnlyToggle.disableProperty().bind(shell.readOnlyForcedProperty());
        readOnlyToggle.textProperty().bind(Bindings.when(shell.readOnlyProperty()).then("Read-only: on").otherwise("Read-only: off"));
        Runnable icon = () -> readOnlyToggle.setGraphic(shell.readOnlyProperty().get() ? Icons.lock() : Icons.of(Material2AL.LOCK_OPEN));
        icon.run();
        shell.readOnlyProperty().addListener((obs, was, now) -> icon.run());
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(Bindings.when(shell.readOnlyProperty()).then(readOnlyBannerLabel.textProperty())
                .otherwise("Changes (scale, deploy, register, stop) go to the backend. Turn read-only on to refuse them all."));
        readOnlyToggle.setTooltip(tip);
    }

    /**
     * A passing message in the status bar goes at the user's next click or key, or after
     * {@link #MESSAGE_SECONDS}; an error stays until dismissed.
     */
    private void expirePassingMessages() {
        view.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> shell.userActed());
        view.addEventFilter(KeyEvent.KEY_PRESSED, e -> shell.userActed());
        PauseTransition timer = new PauseTransition(Duration.seconds(MESSAGE_SECONDS));
        shell.statusProperty().addListener((obs, was, now) -> {
            timer.stop();
            if (!now.isEmpty()) {
                timer.setOnFinished(e -> shell.expireStatus(now));
                timer.playFromStart();
            }
        });
    }

    /** The banner says read-only is on, why, and what it means. */
    static String bannerText(String reason) {
        return "Read-only" + (reason == null || reason.isBlank() ? "" : ": " + reason)
                + ". Every change (scale, deploy, register, stop) is refused before it reaches the backend.";
    }

    /** With a picker the backend is chosen in the toolbar; without one (tests) it is only named. */
    private void bindPicker() {
        boolean withPicker = picker != null;
        for (Node n : new Node[] {backendBox, regionBox}) {
            n.setVisible(withPicker);
            n.setManaged(withPicker);
        }
        backendLabel.setVisible(!withPicker);
        backendLabel.setManaged(!withPicker);
        if (!withPicker) {
            return;
        }
        backendBox.setItems(picker.choices());
        backendBox.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(BackendChoice c) {
                return c == null ? "" : c.label();
            }

            @Override
            public BackendChoice fromString(String s) {
                return null;
            }
        });
        backendBox.getSelectionModel().select(picker.selectedProperty().get());
        backendBox.setOnAction(e -> {
            picker.selectedProperty().set(backendBox.getValue());
            picker.apply();
        });
        regionBox.setItems(picker.regions());
        regionBox.setValue(picker.regionProperty().get());
        picker.regionProperty().addListener((obs, was, now) -> regionBox.setValue(now));
        regionBox.disableProperty().bind(picker.awsSelectedProperty().not());
        regionBox.setOnAction(e -> {
            picker.regionProperty().set(regionBox.getValue());
            picker.apply();
        });
    }

    private static Node sep() {
        return new javafx.scene.control.Separator(javafx.geometry.Orientation.VERTICAL);
    }

    @FXML
    private void refresh() {
        refresh.run();
    }

    /**
     * The Drafts menu: unregistered edits saved from earlier (a crash, a failed register), each
     * reopened in an editor. Shown only when there are drafts; the list is read when it opens.
     */
    public void setDrafts(dev.ecsdeck.ui.taskdef.DraftStore drafts, java.util.function.Consumer<dev.ecsdeck.ui.taskdef.Draft> open) {
        Runnable fill = () -> {
            var all = drafts == null ? java.util.List.<dev.ecsdeck.ui.taskdef.Draft>of() : drafts.all();
            draftsButton.getItems().clear();
            for (var d : all) {
                javafx.scene.control.MenuItem item = new javafx.scene.control.MenuItem(d.family()
                        + (d.baseArn() == null ? "" : " (from " + dev.ecsdeck.model.Arns.familyRevision(d.baseArn()) + ")")
                        + " — saved " + dev.ecsdeck.ui.common.TimeFormat.local(d.savedAt()));
                item.setOnAction(e -> open.accept(d));
                draftsButton.getItems().add(item);
            }
            draftsButton.setText("Drafts (" + all.size() + ")");
            draftsButton.setVisible(!all.isEmpty());
            draftsButton.setManaged(!all.isEmpty());
            if (!all.isEmpty()) {
                shell.setStatus(dev.ecsdeck.ui.common.Plural.of(all.size(), "unregistered task-definition draft")
                        + " kept from before: open " + (all.size() == 1 ? "it" : "them") + " from Drafts.");
            }
        };
        draftsButton.setOnShowing(e -> fill.run());
        fill.run();
    }

    /** Places the three areas. */
    public void setAreas(Node tree, Node detail, Node logs) {
        horizontalSplit.getItems().setAll(tree, detail);
        verticalSplit.getItems().setAll(horizontalSplit);
        this.logs = logs;
    }

    /**
     * Shows the log area below the tree and detail, or takes it away so they get the whole height
     * (while no log is open); its divider comes back where it was.
     */
    public void showLogs(boolean show) {
        boolean shown = verticalSplit.getItems().contains(logs);
        if (show && !shown) {
            verticalSplit.getItems().add(logs);
            verticalSplit.setDividerPositions(logDivider);
        } else if (!show && shown) {
            logDivider = verticalSplit.getDividerPositions()[0];
            verticalSplit.getItems().remove(logs);
        }
    }

    /** Where the divider above the log area goes when it shows. */
    public void setLogDivider(double position) {
        logDivider = position;
        if (verticalSplit.getItems().contains(logs)) {
            verticalSplit.setDividerPositions(position);
        }
    }

    /** Where the divider above the log area is (or goes, while the area is hidden). */
    public double logDivider() {
        return verticalSplit.getItems().contains(logs) ? verticalSplit.getDividerPositions()[0] : logDivider;
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
