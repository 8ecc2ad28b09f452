package dev.ecsdeck.ui.taskdef;

import dev.ecsdeck.ui.common.TextColumns;
import dev.ecsdeck.ui.common.Fxml;
import dev.ecsdeck.ui.common.TimeFormat;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.input.MouseButton;

/** The revisions browser panel: families on the left, their revisions, and the comparison of two. */
public final class RevisionsBrowserController {
    private final RevisionsViewModel model;
    private final Parent view;
    @FXML
    private TextField familyFilter;
    @FXML
    private CheckBox showInactive;
    @FXML
    private Label statusLabel;
    @FXML
    private ListView<String> familiesList;
    @FXML
    private TableView<RevisionRow> revisionsTable;
    @FXML
    private Button openButton;
    @FXML
    private Button compareButton;
    @FXML
    private Button deregisterButton;
    @FXML
    private TitledPane comparePane;

    public RevisionsBrowserController(RevisionsViewModel model) {
        this.model = model;
        this.view = Fxml.load(this, "RevisionsBrowser.fxml");
    }

    @FXML
    private void initialize() {
        familyFilter.textProperty().bindBidirectional(model.familyFilterProperty());
        showInactive.selectedProperty().bindBidirectional(model.showInactiveProperty());
        statusLabel.textProperty().bind(model.statusProperty());
        familiesList.setItems(model.families());
        familiesList.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            if (now != null) {
                model.familyProperty().set(now);
            }
        });
        model.familyProperty().addListener((obs, was, now) -> {
            if (now != null && !now.equals(familiesList.getSelectionModel().getSelectedItem())) {
                familiesList.getSelectionModel().select(now);
                familiesList.scrollTo(now);
            }
        });

        revisionsTable.setItems(model.revisions());
        revisionsTable.setPlaceholder(new Label("Choose a family"));
        revisionsTable.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        revisionsTable.getColumns().setAll(
                TextColumns.of("Revision", r -> String.valueOf(r.revision()), 70),
                TextColumns.of("Status", RevisionRow::status, 80),
                TextColumns.of("Registered", r -> r.registeredAt() == null ? "" : TimeFormat.local(r.registeredAt()), 150),
                TextColumns.of("By", r -> r.registeredBy() == null ? "" : r.registeredBy(), 220),
                TextColumns.of("Used by", r -> String.join(", ", r.usedBy()), 260));
        revisionsTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        revisionsTable.setRowFactory(tv -> {
            TableRow<RevisionRow> row = new TableRow<>() {
                @Override
                protected void updateItem(RevisionRow r, boolean empty) {
                    super.updateItem(r, empty);
                    pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("inactive"), !empty && r != null && !r.active());
                }
            };
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    model.open(row.getItem());
                }
            });
            return row;
        });
        var chosen = revisionsTable.getSelectionModel().getSelectedItems();
        openButton.disableProperty().bind(Bindings.size(chosen).isNotEqualTo(1));
        compareButton.disableProperty().bind(Bindings.size(chosen).isEqualTo(0).or(Bindings.size(chosen).greaterThan(2)));
        deregisterButton.disableProperty().bind(Bindings.createBooleanBinding(
                () -> model.readOnly().get() || chosen.size() != 1 || !chosen.get(0).active(), chosen, model.readOnly()));
        dev.ecsdeck.ui.common.ReadOnlyHint.apply(deregisterButton, model.readOnly(), "Deregister the chosen revision, after confirmation.");
        comparePane.setContent(new RevisionDiffPane(model.comparison()).view());
    }

    private List<RevisionRow> chosen() {
        return List.copyOf(revisionsTable.getSelectionModel().getSelectedItems());
    }

    @FXML
    private void refresh() {
        model.refresh();
    }

    @FXML
    private void open() {
        chosen().stream().findFirst().ifPresent(model::open);
    }

    @FXML
    private void compare() {
        model.compare(chosen());
    }

    @FXML
    private void deregister() {
        chosen().stream().findFirst().ifPresent(model::deregister);
    }

    public Parent view() {
        return view;
    }
}
