package dev.ecsdeck.ui.logs;

import dev.ecsdeck.model.LogGroupInfo;
import dev.ecsdeck.model.LogStreamInfo;
import dev.ecsdeck.ui.common.Fxml;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TextField;
import javafx.stage.Window;

/** The dialog that picks a log group and streams by hand: a thin view over {@link LogSourceViewModel}. */
public final class LogSourceDialog {
    static final ButtonType OPEN = new ButtonType("Open", ButtonBar.ButtonData.OK_DONE);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private final LogSourceViewModel model;
    private final Parent view;
    @FXML
    private TextField groupPrefix;
    @FXML
    private Button searchGroups;
    @FXML
    private Button moreGroups;
    @FXML
    private ListView<LogGroupInfo> groupList;
    @FXML
    private Button moreStreams;
    @FXML
    private ListView<LogStreamInfo> streamList;
    @FXML
    private TextField streamPrefix;
    @FXML
    private ChoiceBox<TailStart.Choice> startChoice;
    @FXML
    private TextField startTime;
    @FXML
    private Label startError;
    @FXML
    private Label error;
    @FXML
    private Label status;

    public LogSourceDialog(LogSourceViewModel model) {
        this.model = model;
        this.view = Fxml.load(this, "LogSourceDialog.fxml");
    }

    public Parent view() {
        return view;
    }

    @FXML
    private void initialize() {
        groupPrefix.textProperty().bindBidirectional(model.groupPrefixProperty());
        groupPrefix.setOnAction(e -> model.searchGroups());
        searchGroups.setOnAction(e -> model.searchGroups());
        moreGroups.setOnAction(e -> model.loadMoreGroups());
        moreGroups.disableProperty().bind(model.moreGroupsProperty().not());
        groupList.setItems(model.groups());
        groupList.setCellFactory(l -> cell(LogGroupInfo::logGroupName));
        groupList.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> model.groupProperty().set(now));
        streamList.setItems(model.streams());
        streamList.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        streamList.setCellFactory(l -> cell(s -> s.logStreamName() + (s.lastEventTimestamp() == null ? "   (no events)"
                : "   last event " + TIME.format(Instant.ofEpochMilli(s.lastEventTimestamp()).atZone(model.start().zone())))));
        streamList.getSelectionModel().getSelectedItems().addListener((ListChangeListener<LogStreamInfo>) c ->
                model.chosen().setAll(streamList.getSelectionModel().getSelectedItems()));
        moreStreams.disableProperty().bind(model.moreStreamsProperty().not());
        streamPrefix.textProperty().bindBidirectional(model.streamPrefixProperty());
        streamPrefix.disableProperty().bind(Bindings.isNotEmpty(model.chosen()));
        TailStartControls.bind(model.start(), startChoice, startTime, startError);
        error.textProperty().bind(model.errorProperty());
        status.textProperty().bind(model.statusProperty());
    }

    private static <T> ListCell<T> cell(java.util.function.Function<T, String> text) {
        return new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
            }
        };
    }

    /** Shows the dialog; Open stays until the choice is valid. Returns the source chosen, or empty when cancelled. */
    public Optional<HandPickedSource> showAndWait(Window owner) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle("Tail a log group");
        dialog.setResizable(true);
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.getDialogPane().setContent(view);
        dialog.getDialogPane().getButtonTypes().setAll(OPEN, ButtonType.CANCEL);
        AtomicReference<Optional<HandPickedSource>> chosen = new AtomicReference<>(Optional.empty());
        dialog.getDialogPane().lookupButton(OPEN).addEventFilter(ActionEvent.ACTION, e -> {
            chosen.set(model.result());
            if (chosen.get().isEmpty()) {
                e.consume();
            }
        });
        if (model.groups().isEmpty()) {
            model.searchGroups();
        }
        Optional<ButtonType> answer = dialog.showAndWait();
        return answer.isPresent() && answer.get() == OPEN ? chosen.get() : Optional.empty();
    }
}
