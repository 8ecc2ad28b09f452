package dev.ecsdeck.ui.service;

import dev.ecsdeck.ui.common.Fxml;
import dev.ecsdeck.ui.service.AlarmsViewModel.AlarmRow;
import dev.ecsdeck.ui.service.AlarmsViewModel.HistoryRow;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;

/** The service's alarms with their states, and the history of the one selected. */
public final class AlarmsController {
    private final AlarmsViewModel model;
    private final Parent view;
    @FXML
    private Label messageLabel;
    @FXML
    private TableView<AlarmRow> alarmsTable;
    @FXML
    private Label historyHeading;
    @FXML
    private TableView<HistoryRow> historyTable;

    public AlarmsController(AlarmsViewModel model) {
        this.model = model;
        this.view = Fxml.load(this, "Alarms.fxml");
        view.getStylesheets().add(AlarmsController.class.getResource(ServiceEventsController.STYLESHEET).toExternalForm());
    }

    @FXML
    private void initialize() {
        messageLabel.textProperty().bind(model.messageProperty());
        messageLabel.visibleProperty().bind(model.messageProperty().isNotEmpty());
        messageLabel.managedProperty().bind(messageLabel.visibleProperty());

        alarmsTable.setItems(model.alarms());
        alarmsTable.setPlaceholder(new Label("No alarms read yet"));
        alarmsTable.getColumns().setAll(
                TableFit.text("Alarm", AlarmRow::name),
                TableFit.text("State", AlarmRow::state),
                TableFit.text("Since", AlarmRow::since),
                TableFit.text("Why it is here", AlarmRow::role),
                TableFit.text("Watches", AlarmRow::watches),
                TableFit.text("Reason", AlarmRow::reason));
        TableFit.fit(alarmsTable);
        alarmsTable.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(AlarmRow row, boolean empty) {
                super.updateItem(row, empty);
                pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("in-alarm"), !empty && row != null && row.alarm().inAlarm());
            }
        });
        alarmsTable.getSelectionModel().selectedItemProperty().addListener((obs, was, row) -> {
            if (row != null) {
                model.selectedProperty().set(row.name());
            }
        });

        historyTable.setItems(model.history());
        historyTable.setPlaceholder(new Label("Select an alarm to see its history"));
        historyTable.getColumns().setAll(
                TableFit.text("When", HistoryRow::when),
                TableFit.text("Type", HistoryRow::type),
                TableFit.text("What happened", HistoryRow::summary));
        TableFit.fit(historyTable);
        historyHeading.visibleProperty().bind(model.messageProperty().isEmpty());
        historyTable.visibleProperty().bind(historyHeading.visibleProperty());
        alarmsTable.visibleProperty().bind(historyHeading.visibleProperty());
        for (var n : new javafx.scene.Node[] {historyHeading, historyTable, alarmsTable}) {
            n.managedProperty().bind(n.visibleProperty());
        }
    }

    public Parent view() {
        return view;
    }
}
