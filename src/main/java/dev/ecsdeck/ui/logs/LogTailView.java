package dev.ecsdeck.ui.logs;

import dev.ecsdeck.ui.common.Fxml;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ToggleButton;

/** One tail's tab: the virtualised list of lines (cells are reused, none kept per line), follow, status, counters. */
public final class LogTailView {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT).withZone(ZoneId.systemDefault());
    private static final int SOURCE_COLOURS = 8;
    private static final double LINE_HEIGHT = 19;

    private final LogTailViewModel viewModel;
    private final Parent view;
    @FXML
    private ToggleButton followToggle;
    @FXML
    private Label statusLabel;
    @FXML
    private Label countersLabel;
    @FXML
    private ListView<LogLine> linesView;

    public LogTailView(LogTailViewModel viewModel) {
        this.viewModel = viewModel;
        this.view = Fxml.load(this, "LogTail.fxml");
    }

    public Parent view() {
        return view;
    }

    public ListView<LogLine> linesView() {
        return linesView;
    }

    @FXML
    private void initialize() {
        followToggle.selectedProperty().bindBidirectional(viewModel.followProperty());
        statusLabel.textProperty().bind(viewModel.statusProperty());
        countersLabel.textProperty().bind(Bindings.createStringBinding(
                () -> viewModel.receivedProperty().get() + " received · " + viewModel.lines().size() + " shown · "
                        + viewModel.droppedProperty().get() + " dropped",
                viewModel.receivedProperty(), viewModel.droppedProperty()));
        linesView.setItems(viewModel.lines());
        // One fixed row height lets the list lay out a million lines without measuring any of them.
        linesView.setFixedCellSize(LINE_HEIGHT);
        linesView.setCellFactory(lv -> new LineCell());
        viewModel.followProperty().addListener((obs, was, now) -> {
            if (now) {
                scrollToEnd();
            }
        });
    }

    /** Keeps the newest line in view while following. */
    void afterDrain() {
        if (viewModel.followProperty().get()) {
            scrollToEnd();
        }
    }

    private void scrollToEnd() {
        int n = viewModel.lines().size();
        if (n > 0) {
            linesView.scrollTo(n - 1);
        }
    }

    private static final class LineCell extends ListCell<LogLine> {
        @Override
        protected void updateItem(LogLine line, boolean empty) {
            super.updateItem(line, empty);
            getStyleClass().removeIf(s -> s.startsWith("log-source-") || s.startsWith("log-level-"));
            if (empty || line == null) {
                setText(null);
                return;
            }
            String who = line.taskId() == null ? "" : shortId(line.taskId()) + (line.container() == null ? "" : "/" + line.container()) + "  ";
            setText(TIME.format(Instant.ofEpochMilli(line.timestamp())) + "  " + who + line.message());
            getStyleClass().add("log-source-" + (line.source() % SOURCE_COLOURS));
            String level = LogLevels.of(line.message());
            if (level != null) {
                getStyleClass().add("log-level-" + level);
            }
        }

        private static String shortId(String id) {
            return id.length() > 8 ? id.substring(0, 8) : id;
        }
    }
}
