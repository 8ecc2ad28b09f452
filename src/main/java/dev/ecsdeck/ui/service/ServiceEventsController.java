package dev.ecsdeck.ui.service;

import dev.ecsdeck.ui.common.Fxml;
import dev.ecsdeck.ui.common.TimeFormat;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/** The service's events: a filter field, the count, and one row per event with its time and linked task ids. */
public final class ServiceEventsController {
    static final String STYLESHEET = "service-parts.css";
    private static final double TIME_WIDTH = 150;
    private static final double TIME_GAP = 10;
    /** The cell's padding and the vertical scroll bar. */
    private static final double ROW_INSETS = 34;

    private final ServiceEventsViewModel model;
    private final Parent view;
    @FXML
    private TextField filterField;
    @FXML
    private Label countLabel;
    @FXML
    private ListView<ServiceEventsViewModel.EventRow> eventsList;

    public ServiceEventsController(ServiceEventsViewModel model) {
        this.model = model;
        this.view = Fxml.load(this, "ServiceEvents.fxml");
        view.getStylesheets().add(ServiceEventsController.class.getResource(STYLESHEET).toExternalForm());
    }

    @FXML
    private void initialize() {
        filterField.textProperty().bindBidirectional(model.filterProperty());
        filterField.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                filterField.clear();
            }
        });
        countLabel.textProperty().bind(model.countProperty());
        eventsList.setItems(model.shownEvents());
        eventsList.setPlaceholder(new Label("No events"));
        eventsList.setCellFactory(list -> new EventCell());
    }

    /** A row: the local time, then the message with task ids as links. Built for each item shown. */
    private final class EventCell extends ListCell<ServiceEventsViewModel.EventRow> {
        EventCell() {
            setPrefWidth(0); // the list's width decides; the message wraps instead of scrolling sideways
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        }

        @Override
        protected void updateItem(ServiceEventsViewModel.EventRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label time = new Label(TimeFormat.local(row.createdAt()));
            time.getStyleClass().add("event-time");
            time.setMinWidth(TIME_WIDTH);
            time.setPrefWidth(TIME_WIDTH);
            TextFlow message = new TextFlow();
            message.getStyleClass().add("event-message");
            for (ServiceEventsViewModel.Segment s : row.segments()) {
                if (s.isTaskLink()) {
                    Hyperlink link = new Hyperlink(s.text());
                    link.getStyleClass().add("task-link");
                    link.setUserData(s.taskId());
                    link.setTooltip(new Tooltip("Show task " + s.taskId() + " in the tree"));
                    link.setOnAction(e -> {
                        model.openTask(s.taskId());
                        link.setVisited(false);
                    });
                    message.getChildren().add(link);
                } else {
                    Text text = new Text(s.text());
                    text.getStyleClass().add("event-text");
                    text.fillProperty().bind(time.textFillProperty()); // the theme's text colour, selected or not
                    message.getChildren().add(text);
                }
            }
            HBox box = new HBox(TIME_GAP, time, message);
            HBox.setHgrow(message, Priority.ALWAYS);
            message.setMinWidth(0);
            // Wrap at the width the row really has, so the row is as tall as its lines and no taller.
            message.prefWidthProperty().bind(getListView().widthProperty().subtract(TIME_WIDTH + TIME_GAP + ROW_INSETS));
            box.setMinWidth(0);
            setGraphic(box);
            setText(null);
        }
    }

    public Parent view() {
        return view;
    }
}
