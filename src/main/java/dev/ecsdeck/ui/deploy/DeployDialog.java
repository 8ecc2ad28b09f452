package dev.ecsdeck.ui.deploy;

import dev.ecsdeck.ui.common.ReadOnlyHint;
import javafx.beans.binding.Bindings;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The deploy question on screen: what is deployed where, the revision (a picker when the service
 * panel asks), the strategy form, and side by side the plan and the changes. Deploy is off while
 * anything is wrong; a failed call keeps the dialog open with the error. It does not block: the
 * question says when it is finished.
 */
public final class DeployDialog {
    public static final ButtonType DEPLOY = new ButtonType("Deploy", ButtonBar.ButtonData.OK_DONE);

    private DeployDialog() {}

    /** Shows the question, owned by {@code owner}; {@code pickRevision} offers the family's revisions to choose from. */
    public static Dialog<ButtonType> show(Window owner, DeployQuestion question, boolean pickRevision) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle("Deploy to " + question.strategy().service().serviceName());
        dialog.setResizable(true);
        if (owner != null) {
            dialog.initOwner(owner);
            if (owner.getScene() != null) {
                dialog.getDialogPane().getStylesheets().addAll(owner.getScene().getStylesheets()); // the window's theme and styles
            }
        }
        dialog.getDialogPane().getButtonTypes().addAll(DEPLOY, ButtonType.CANCEL);
        dialog.getDialogPane().setContent(content(question, pickRevision));
        dialog.getDialogPane().setPrefWidth(980);
        dialog.getDialogPane().setMinWidth(860); // the plan and the changes side by side, each readable
        dialog.getDialogPane().setPrefHeight(680); // room for the strategy's hooks and a six-stage plan without scrolling
        dialog.setResizable(true);
        dialog.getDialogPane().getStyleClass().add("deploy-dialog");

        Button deploy = (Button) dialog.getDialogPane().lookupButton(DEPLOY);
        deploy.setId("deployConfirm");
        deploy.getStyleClass().add("mutating");
        deploy.setDefaultButton(false); // Enter in a field never deploys by accident
        deploy.disableProperty().bind(question.deployDisabledProperty());
        ReadOnlyHint.apply(deploy, question.readOnly(), "Deploy with this strategy (UpdateService).");
        // Deploy calls and waits; the dialog closes when the call succeeds, stays with the error when not.
        deploy.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            question.deploy();
        });
        question.finishedProperty().addListener((obs, was, done) -> {
            if (done && dialog.isShowing()) {
                dialog.setResult(DEPLOY);
                dialog.close();
            }
        });
        dialog.setOnHidden(e -> question.cancel());
        dialog.show();
        return dialog;
    }

    /** The images the check did not find, and the explicit second button to deploy anyway; shown only after a check found some missing. */
    private static HBox imageWarning(DeployQuestion question) {
        Label missing = new Label();
        missing.setId("deployImageWarning");
        missing.getStyleClass().add("image-warning");
        missing.setWrapText(true);
        missing.setMaxWidth(Double.MAX_VALUE);
        missing.textProperty().bind(question.imageWarningProperty());
        Button anyway = new Button("Deploy anyway");
        anyway.setId("deployAnyway");
        anyway.getStyleClass().add("mutating");
        anyway.setMinWidth(Button.USE_PREF_SIZE);
        anyway.disableProperty().bind(question.deployDisabledProperty());
        anyway.setOnAction(e -> question.deployAnyway());
        HBox row = new HBox(10, missing, anyway);
        HBox.setHgrow(missing, Priority.ALWAYS);
        row.visibleProperty().bind(question.imageWarningProperty().isNotEmpty());
        row.managedProperty().bind(row.visibleProperty());
        return row;
    }

    private static VBox content(DeployQuestion question, boolean pickRevision) {
        Label headline = new Label();
        headline.setId("deployHeadline");
        headline.getStyleClass().add("section-title");
        headline.setWrapText(true);
        headline.textProperty().bind(question.headlineProperty());
        VBox box = new VBox(10, headline);
        if (pickRevision) {
            ComboBox<DeployQuestion.RevisionChoice> revisions = new ComboBox<>(question.revisions());
            revisions.setId("deployRevision");
            revisions.setConverter(new javafx.util.StringConverter<>() {
                @Override
                public String toString(DeployQuestion.RevisionChoice r) {
                    return r == null ? "" : r.label();
                }

                @Override
                public DeployQuestion.RevisionChoice fromString(String s) {
                    return null;
                }
            });
            revisions.valueProperty().bindBidirectional(question.chosenProperty());
            box.getChildren().add(new HBox(8, new Label("Revision"), revisions));
        }
        box.getChildren().add(new DeployStrategyForm(question.strategy()).view());

        Label plan = new Label();
        plan.setId("deployPlan");
        plan.setWrapText(true);
        plan.textProperty().bind(Bindings.createStringBinding(() -> {
            DeploymentPlan p = question.strategy().planProperty().get();
            return p == null ? "Set the strategy's values to see the plan." : p.asText();
        }, question.strategy().planProperty()));
        TextArea changes = new TextArea();
        changes.setId("deployChanges");
        changes.setEditable(false);
        changes.textProperty().bind(question.changesProperty());
        // A long plan (linear steps, several hooks) scrolls rather than being cut off with "…".
        ScrollPane planScroll = new ScrollPane(plan);
        planScroll.setFitToWidth(true);
        planScroll.getStyleClass().add("edge-to-edge");
        TitledPane planPane = new TitledPane("Plan", planScroll);
        planPane.setMinWidth(280);
        changes.setMinWidth(200);
        planPane.setCollapsible(false);
        planPane.setMaxHeight(Double.MAX_VALUE);
        TitledPane changesPane = new TitledPane("Changes against the running revision", changes);
        changesPane.setCollapsible(false);
        changesPane.setMaxHeight(Double.MAX_VALUE);
        SplitPane sideBySide = new SplitPane(planPane, changesPane);
        sideBySide.setDividerPositions(0.5);
        // Set again once it has its width: set before, the changes' preferred width pushed the plan to a sliver.
        sideBySide.widthProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Number> obs, Number was, Number width) {
                if (width.doubleValue() > 0) {
                    sideBySide.widthProperty().removeListener(this);
                    sideBySide.setDividerPositions(0.5);
                }
            }
        });
        sideBySide.setPrefHeight(340);
        VBox.setVgrow(sideBySide, Priority.ALWAYS);

        Label status = new Label();
        status.setId("deployQuestionStatus");
        status.setWrapText(true);
        status.textProperty().bind(question.statusProperty());
        box.getChildren().addAll(sideBySide, imageWarning(question), status);
        return box;
    }
}
