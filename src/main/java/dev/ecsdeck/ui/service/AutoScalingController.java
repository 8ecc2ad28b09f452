package dev.ecsdeck.ui.service;

import dev.ecsdeck.model.ScalingActivity;
import dev.ecsdeck.model.ScheduledAction;
import dev.ecsdeck.ui.common.Fxml;
import dev.ecsdeck.ui.common.ReadOnlyHint;
import dev.ecsdeck.ui.service.AutoScalingPolicyForm.Metric;
import dev.ecsdeck.ui.service.AutoScalingViewModel.PolicyRow;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableBooleanValue;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.VBox;

/**
 * The auto scaling part of the service panel: the range (enable / apply), the policies with a
 * target-tracking form, the scheduled actions and the scaling activities. Every control that
 * changes something is disabled in read-only mode, and its tooltip says why.
 */
public final class AutoScalingController {
    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");
    private static final PseudoClass NOT_EDITABLE = PseudoClass.getPseudoClass("not-editable");

    private final AutoScalingViewModel model;
    private final Parent view;
    @FXML
    private Label messageLabel;
    @FXML
    private Label readOnlyLabel;
    @FXML
    private Label summaryLabel;
    @FXML
    private TextField minField;
    @FXML
    private TextField maxField;
    @FXML
    private Button applyRangeButton;
    @FXML
    private Label rangeProblemLabel;
    @FXML
    private TableView<PolicyRow> policiesTable;
    @FXML
    private Button newPolicyButton;
    @FXML
    private Button editPolicyButton;
    @FXML
    private Button deletePolicyButton;
    @FXML
    private VBox policyForm;
    @FXML
    private Label formTitle;
    @FXML
    private TextField nameField;
    @FXML
    private ComboBox<Metric> metricChoice;
    @FXML
    private Label resourceLabelCaption;
    @FXML
    private TextField resourceLabelField;
    @FXML
    private TextField targetValueField;
    @FXML
    private Label targetUnitLabel;
    @FXML
    private TextField scaleOutField;
    @FXML
    private TextField scaleInField;
    @FXML
    private CheckBox disableScaleInBox;
    @FXML
    private Label formProblemsLabel;
    @FXML
    private Button savePolicyButton;
    @FXML
    private TableView<ScheduledAction> scheduledTable;
    @FXML
    private TableView<ScalingActivity> activitiesTable;

    public AutoScalingController(AutoScalingViewModel model) {
        this.model = model;
        this.view = Fxml.load(this, "AutoScaling.fxml");
        view.getStylesheets().add(AutoScalingController.class.getResource("autoscaling.css").toExternalForm());
    }

    @FXML
    private void initialize() {
        ObservableBooleanValue readOnly = model.readOnly();
        AutoScalingPolicyForm form = model.form();
        messageLabel.textProperty().bind(model.messageProperty());
        readOnlyLabel.setText(ReadOnlyHint.READ_ONLY);
        readOnlyLabel.visibleProperty().bind(Bindings.createBooleanBinding(readOnly::get, readOnly));
        readOnlyLabel.managedProperty().bind(readOnlyLabel.visibleProperty());
        summaryLabel.textProperty().bind(model.summaryProperty());

        minField.textProperty().bindBidirectional(model.minTextProperty());
        maxField.textProperty().bindBidirectional(model.maxTextProperty());
        showWhenNotEmpty(rangeProblemLabel);
        rangeProblemLabel.textProperty().bind(model.rangeProblemProperty());
        applyRangeButton.textProperty().bind(Bindings.when(model.targetProperty().isNull())
                .then("Enable auto scaling").otherwise("Apply range"));
        applyRangeButton.disableProperty().bind(model.canApplyRange().not());
        minField.setOnAction(e -> model.applyRange());
        maxField.setOnAction(e -> model.applyRange());
        readOnlyAware(minField, "The fewest tasks auto scaling keeps.");
        readOnlyAware(maxField, "The most tasks auto scaling keeps.");
        ReadOnlyHint.apply(applyRangeButton, readOnly,
                "Register the service as a scalable target with this minimum and maximum (RegisterScalableTarget).");

        policiesTable.setItems(model.policies());
        policiesTable.setPlaceholder(new Label("No scaling policies"));
        policiesTable.getColumns().setAll(
                TableFit.text("Name", PolicyRow::name),
                TableFit.text("Type", PolicyRow::type),
                TableFit.text("Target", r -> r.metric().isEmpty() ? r.targetValue() : r.metric() + " at " + r.targetValue()),
                TableFit.text("Now", PolicyRow::current),
                TableFit.text("Cooldowns", AutoScalingController::cooldowns),
                TableFit.text("Steps / details", PolicyRow::details));
        TableFit.fit(policiesTable);
        policiesTable.setRowFactory(tv -> {
            TableRow<PolicyRow> row = new TableRow<>() {
                @Override
                protected void updateItem(PolicyRow item, boolean empty) {
                    super.updateItem(item, empty);
                    pseudoClassStateChanged(NOT_EDITABLE, !empty && item != null && !item.editable());
                }
            };
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    model.edit(row.getItem());
                }
            });
            return row;
        });
        policiesTable.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE) {
                deletePolicy();
            } else if (e.getCode() == KeyCode.ENTER) {
                editPolicy();
            }
        });
        var chosen = policiesTable.getSelectionModel().selectedItemProperty();
        BooleanBinding blocked = Bindings.createBooleanBinding(() -> readOnly.get() || model.busyProperty().get(),
                readOnly, model.busyProperty());
        newPolicyButton.disableProperty().bind(blocked.or(model.targetProperty().isNull()));
        editPolicyButton.disableProperty().bind(blocked.or(Bindings.createBooleanBinding(
                () -> chosen.get() == null || !chosen.get().editable(), chosen)));
        deletePolicyButton.disableProperty().bind(blocked.or(chosen.isNull()));
        ReadOnlyHint.apply(newPolicyButton, readOnly, "Create a target-tracking policy (PutScalingPolicy).");
        ReadOnlyHint.apply(editPolicyButton, readOnly, "Change the chosen target-tracking policy (step and predictive policies are shown only).");
        ReadOnlyHint.apply(deletePolicyButton, readOnly, "Delete the chosen policy, after confirmation (DeleteScalingPolicy).");

        bindForm(form, readOnly, blocked);

        scheduledTable.setItems(model.scheduledActions());
        scheduledTable.setPlaceholder(new Label("No scheduled actions"));
        scheduledTable.getColumns().setAll(
                TableFit.text("Name", ScheduledAction::scheduledActionName),
                TableFit.text("Schedule", ScheduledAction::schedule),
                TableFit.text("Time zone", a -> a.timezone() == null ? "UTC" : a.timezone()),
                TableFit.text("Capacity", a -> "min " + (a.minCapacity() == null ? "unchanged" : a.minCapacity()) + " · max "
                        + (a.maxCapacity() == null ? "unchanged" : a.maxCapacity())),
                TableFit.text("Active", AutoScalingController::active));
        TableFit.fit(scheduledTable);

        activitiesTable.setItems(model.activities());
        activitiesTable.setPlaceholder(new Label("No scaling activities"));
        activitiesTable.getColumns().setAll(
                TableFit.text("Started", a -> TableFit.time(a.startTime())),
                TableFit.text("Status", ScalingActivity::statusCode),
                TableFit.text("Description", ScalingActivity::description),
                TableFit.text("Cause", ScalingActivity::cause),
                TableFit.text("Status message", a -> a.statusMessage() == null ? "" : a.statusMessage()));
        TableFit.fit(activitiesTable);
        activitiesTable.setRowFactory(tv -> new TableRow<>() {
            @Override
            protected void updateItem(ScalingActivity item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(FAILED, !empty && item != null
                        && ("Failed".equals(item.statusCode()) || "Unfulfilled".equals(item.statusCode())));
            }
        });
    }

    private void bindForm(AutoScalingPolicyForm form, ObservableBooleanValue readOnly, BooleanBinding blocked) {
        policyForm.visibleProperty().bind(form.open());
        policyForm.managedProperty().bind(form.open());
        formTitle.textProperty().bind(Bindings.createStringBinding(() -> form.editing().get() == null
                ? "New target-tracking policy" : "Edit target-tracking policy " + form.editing().get(), form.editing()));
        nameField.textProperty().bindBidirectional(form.nameProperty());
        metricChoice.getItems().setAll(Metric.values());
        metricChoice.valueProperty().bindBidirectional(form.metricProperty());
        resourceLabelField.textProperty().bindBidirectional(form.resourceLabelProperty());
        targetValueField.textProperty().bindBidirectional(form.targetValueProperty());
        scaleOutField.textProperty().bindBidirectional(form.scaleOutCooldownProperty());
        scaleInField.textProperty().bindBidirectional(form.scaleInCooldownProperty());
        disableScaleInBox.selectedProperty().bindBidirectional(form.disableScaleInProperty());
        BooleanBinding alb = form.metricProperty().isEqualTo(Metric.ALB_REQUESTS);
        for (var n : new javafx.scene.Node[] {resourceLabelCaption, resourceLabelField}) {
            n.visibleProperty().bind(alb);
            n.managedProperty().bind(alb);
        }
        targetUnitLabel.textProperty().bind(Bindings.createStringBinding(() -> form.metricProperty().get() == null ? ""
                : form.metricProperty().get().percent ? "% (0–100]" : "requests per target", form.metricProperty()));
        readOnlyAware(nameField, "The policy's name (fixed once created).");
        nameField.disableProperty().bind(Bindings.createBooleanBinding(() -> readOnly.get() || form.editing().get() != null,
                readOnly, form.editing()));
        readOnlyAware(metricChoice, "The metric the policy keeps at its target.");
        readOnlyAware(resourceLabelField, "The ALB and target group: " + AutoScalingPolicyForm.LABEL_FORMAT + ".");
        readOnlyAware(targetValueField, "The value auto scaling keeps the metric at.");
        readOnlyAware(scaleOutField, "Seconds after a scale-out before the next one (empty for 300).");
        readOnlyAware(scaleInField, "Seconds after any scaling before a scale-in (empty for 300).");
        readOnlyAware(disableScaleInBox, "With scale-in disabled the policy only ever adds tasks.");
        formProblemsLabel.textProperty().bind(Bindings.createStringBinding(() -> String.join("\n", form.problems()), form.problems()));
        showWhenNotEmpty(formProblemsLabel);
        savePolicyButton.disableProperty().bind(blocked.or(Bindings.isNotEmpty(form.problems())));
        ReadOnlyHint.apply(savePolicyButton, readOnly, "Create or update the policy (PutScalingPolicy).");
    }

    /** The scale-out and scale-in cooldowns and whether it scales in, in one cell: "out 60 s · in 300 s · scale-in enabled". */
    private static String cooldowns(PolicyRow row) {
        String scaleIn = row.scaleIn().isEmpty() ? "" : "scale-in " + row.scaleIn();
        if (row.scaleOutCooldown().isEmpty() && row.scaleInCooldown().isEmpty()) {
            return scaleIn;
        }
        return "out " + orDash(row.scaleOutCooldown()) + " · in " + orDash(row.scaleInCooldown()) + (scaleIn.isEmpty() ? "" : " · " + scaleIn);
    }

    /** When a scheduled action applies: "always", "from …", "until …" or "from … until …". */
    private static String active(ScheduledAction a) {
        if (a.startTime() == null && a.endTime() == null) {
            return "always";
        }
        return ((a.startTime() == null ? "" : "from " + TableFit.time(a.startTime()) + " ")
                + (a.endTime() == null ? "" : "until " + TableFit.time(a.endTime()))).trim();
    }

    private static String orDash(String value) {
        return value.isEmpty() ? "—" : value;
    }

    /** An input: disabled in read-only mode, with a tooltip saying why (or what it is for). */
    private void readOnlyAware(Control control, String whatItIs) {
        control.disableProperty().bind(model.readOnly());
        ReadOnlyHint.apply(control, model.readOnly(), whatItIs);
    }

    private static void showWhenNotEmpty(Label label) {
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }

    @FXML
    private void refresh() {
        model.refresh();
    }

    @FXML
    private void applyRange() {
        model.applyRange();
    }

    @FXML
    private void newPolicy() {
        model.newPolicy();
        nameField.requestFocus();
    }

    @FXML
    private void editPolicy() {
        PolicyRow row = policiesTable.getSelectionModel().getSelectedItem();
        if (row != null) {
            model.edit(row);
            targetValueField.requestFocus();
        }
    }

    @FXML
    private void deletePolicy() {
        model.delete(policiesTable.getSelectionModel().getSelectedItem());
    }

    @FXML
    private void savePolicy() {
        model.savePolicy();
    }

    @FXML
    private void cancelPolicy() {
        model.form().close();
    }

    public Parent view() {
        return view;
    }
}
