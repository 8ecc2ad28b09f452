package dev.ecsdeck.ui.service;

import dev.ecsdeck.ui.common.Fxml;
import dev.ecsdeck.ui.service.LoadBalancingViewModel.GroupRow;
import dev.ecsdeck.ui.service.LoadBalancingViewModel.RuleRow;
import dev.ecsdeck.ui.service.LoadBalancingViewModel.TargetRow;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;

/** The service's target groups, the listener rules forwarding to them with their weights, and the targets with their health. */
public final class LoadBalancingController {
    private final LoadBalancingViewModel model;
    private final Parent view;
    @FXML
    private Label messageLabel;
    @FXML
    private VBox sections;
    @FXML
    private TableView<GroupRow> groupsTable;
    @FXML
    private TableView<RuleRow> rulesTable;
    @FXML
    private TableView<TargetRow> targetsTable;

    public LoadBalancingController(LoadBalancingViewModel model) {
        this.model = model;
        this.view = Fxml.load(this, "LoadBalancing.fxml");
        view.getStylesheets().add(LoadBalancingController.class.getResource(ServiceEventsController.STYLESHEET).toExternalForm());
    }

    @FXML
    private void initialize() {
        messageLabel.textProperty().bind(model.messageProperty());
        messageLabel.visibleProperty().bind(model.messageProperty().isNotEmpty());
        messageLabel.managedProperty().bind(messageLabel.visibleProperty());
        // Each table and heading shows only for a load-balanced service (not an empty table under "No load balancer").
        for (Node n : sections.getChildren()) {
            n.visibleProperty().bind(model.loadBalancedProperty());
            n.managedProperty().bind(n.visibleProperty());
        }

        groupsTable.setItems(model.groups());
        groupsTable.setPlaceholder(new Label("No target group found"));
        groupsTable.getColumns().setAll(
                TableFit.text("Target group", GroupRow::name),
                TableFit.text("Routes to", g -> g.protocolPort() + " · " + g.targetType()),
                TableFit.text("Check", GroupRow::healthCheckPath),
                TableFit.text("Targets", GroupRow::targets),
                TableFit.text("Used by", GroupRow::loadBalancers));
        TableFit.fit(groupsTable);

        rulesTable.setItems(model.rules());
        rulesTable.setPlaceholder(new Label("No listener rule forwards to these target groups"));
        rulesTable.getColumns().setAll(
                TableFit.text("Role", RuleRow::role),
                TableFit.text("Listener", RuleRow::listener),
                TableFit.text("Priority", RuleRow::priority),
                TableFit.text("Conditions", RuleRow::conditions),
                TableFit.text("Weights", RuleRow::weights));
        TableFit.fit(rulesTable);

        targetsTable.setItems(model.targets());
        targetsTable.setPlaceholder(new Label("No targets registered"));
        targetsTable.getColumns().setAll(
                TableFit.text("Target group", TargetRow::targetGroup),
                TableFit.id("Target", TargetRow::target),
                TableFit.text("Zone", TargetRow::zone),
                TableFit.text("State", TargetRow::state),
                TableFit.text("Reason", TargetRow::reason),
                TableFit.text("Description", TargetRow::description));
        TableFit.fit(targetsTable);
    }

    public Parent view() {
        return view;
    }
}
