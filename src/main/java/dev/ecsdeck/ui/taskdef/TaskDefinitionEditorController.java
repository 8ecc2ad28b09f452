package dev.ecsdeck.ui.taskdef;

import dev.ecsdeck.model.Arns;
import dev.ecsdeck.model.Deployment;
import dev.ecsdeck.model.ServiceEvent;
import dev.ecsdeck.taskdef.Problem;
import dev.ecsdeck.taskdef.Severity;
import dev.ecsdeck.ui.common.Fxml;
import dev.ecsdeck.ui.common.ReadOnlyHint;
import dev.ecsdeck.ui.common.TimeFormat;
import dev.ecsdeck.ui.deploy.DeployDialog;
import java.util.function.Function;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;

/**
 * The task-definition editor panel: the form and the JSON (two views of one draft), the problems
 * (clicking one goes to its line), the diff against the base (table or text), register and
 * deregister, and "Deploy to…" with the rollout followed below.
 */
public final class TaskDefinitionEditorController {
    static final Duration ROLLOUT_POLL = Duration.seconds(2);

    private final TaskDefinitionEditorViewModel editor;
    private final DeployViewModel deploy;
    private final Parent view;
    private final JsonCodeEditor json;
    private final TaskDefinitionFormView form;
    private final Timeline rolloutPoll;
    private final DeploymentFollower.Factory followers;
    /** The service deployment of the last deploy, followed while the rollout is; null before any. */
    private DeploymentFollower follower;
    @FXML
    private Label titleLabel;
    @FXML
    private Label summaryLabel;
    @FXML
    private Label messageLabel;
    @FXML
    private Label deployStatus;
    @FXML
    private Button registerButton;
    @FXML
    private Button deregisterButton;
    @FXML
    private Button deployButton;
    @FXML
    private Button rollBackButton;
    @FXML
    private Button forceButton;
    @FXML
    private ComboBox<DeployViewModel.Target> targetBox;
    @FXML
    private TabPane editTabs;
    @FXML
    private Tab jsonTab;
    @FXML
    private ScrollPane formScroll;
    @FXML
    private StackPane jsonHolder;
    @FXML
    private ListView<Problem> problemsList;
    @FXML
    private TitledPane diffPane;
    @FXML
    private TitledPane rolloutPane;
    @FXML
    private Label rolloutHeadline;
    @FXML
    private SplitPane rolloutSplit;
    /** Where the follower's view sits, first in the rollout's split: it scrolls rather than pushing the editor off the window. */
    private final ScrollPane followerBox = new ScrollPane();
    @FXML
    private TableView<Deployment> deploymentsTable;
    @FXML
    private ListView<ServiceEvent> rolloutEvents;

    public TaskDefinitionEditorController(TaskDefinitionEditorViewModel editor, DeployViewModel deploy) {
        this(editor, deploy, null);
    }

    /** An editor whose rollout pane also shows the service deployment a deploy starts, followed by {@code followers} (null: none). */
    public TaskDefinitionEditorController(TaskDefinitionEditorViewModel editor, DeployViewModel deploy, DeploymentFollower.Factory followers) {
        this(editor, deploy, followers, null);
    }

    /** An editor whose image fields offer the account's ECR images from {@code images} (null: none offered). */
    public TaskDefinitionEditorController(TaskDefinitionEditorViewModel editor, DeployViewModel deploy, DeploymentFollower.Factory followers,
            ImageCatalog images) {
        this.followers = followers;
        this.editor = editor;
        this.deploy = deploy;
        this.json = new JsonCodeEditor(editor::textEdited);
        this.form = new TaskDefinitionFormView(editor, images);
        this.rolloutPoll = new Timeline(new KeyFrame(ROLLOUT_POLL, e -> deploy.rollout().poll()));
        rolloutPoll.setCycleCount(Timeline.INDEFINITE);
        this.view = Fxml.load(this, "TaskDefinitionEditor.fxml");
        deploy.askWith(question -> DeployDialog.show(view.getScene() == null ? null : view.getScene().getWindow(), question, false));
        view.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN).match(e) && jsonTab.isSelected()) {
                json.focusFind();
                e.consume();
            }
        });
    }

    @FXML
    private void initialize() {
        titleLabel.textProperty().bind(editor.titleProperty());
        summaryLabel.textProperty().bind(editor.summaryProperty());
        messageLabel.textProperty().bind(editor.messageProperty());
        deployStatus.textProperty().bind(deploy.statusProperty());
        formScroll.setContent(form.view());
        jsonHolder.getChildren().setAll(json.view());
        editor.textProperty().addListener((obs, was, now) -> json.setText(now));
        json.setText(editor.textProperty().get());

        registerButton.disableProperty().bind(editor.registerDisabledProperty());
        var readOnly = javafx.beans.binding.BooleanExpression.booleanExpression(editor.readOnly());
        deregisterButton.disableProperty().bind(readOnly.or(editor.busyProperty()).or(editor.baseProperty().isNull()));
        var noTarget = targetBox.valueProperty().isNull();
        deployButton.disableProperty().bind(readOnly.or(noTarget).or(editor.baseProperty().isNull()));
        forceButton.disableProperty().bind(readOnly.or(noTarget));
        rollBackButton.disableProperty().bind(readOnly.or(deploy.rollout().stateProperty().isEmpty()));
        ReadOnlyHint.apply(registerButton, editor.readOnly(), "Register the draft as a new revision (off while it has errors).");
        ReadOnlyHint.apply(deregisterButton, editor.readOnly(), "Deregister the base revision, after confirmation.");
        ReadOnlyHint.apply(deployButton, editor.readOnly(), "Deploy this revision to the chosen service: choose the strategy, see the plan and the changes.");
        ReadOnlyHint.apply(rollBackButton, editor.readOnly(), "Deploy the revision the service ran before, the same way.");
        ReadOnlyHint.apply(forceButton, editor.readOnly(), "Replace every task of the chosen service with a new one.");
        // A copy the controller fills: the choice is kept across a refresh, after the box has seen the new items.
        targetBox.setItems(javafx.collections.FXCollections.observableArrayList(deploy.targets()));
        targetBox.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(DeployViewModel.Target t) {
                return t == null ? "" : t.label();
            }

            @Override
            public DeployViewModel.Target fromString(String s) {
                return null;
            }
        });
        deploy.targets().addListener((javafx.collections.ListChangeListener<DeployViewModel.Target>) c -> {
            // The same service stays chosen, read again (its "(runs …)" is the one of now).
            DeployViewModel.Target chosen = targetBox.getValue();
            targetBox.getItems().setAll(deploy.targets());
            DeployViewModel.Target again = chosen == null ? null : deploy.targets().stream()
                    .filter(t -> t.cluster().equals(chosen.cluster()) && t.service().equals(chosen.service())).findFirst().orElse(null);
            if (again != null) {
                targetBox.setValue(again);
            } else if (!deploy.targets().isEmpty()) {
                targetBox.setValue(deploy.targets().get(0));
            } else {
                targetBox.setValue(null);
            }
        });
        targetBox.setOnShowing(e -> deploy.refreshTargets());
        editor.baseProperty().addListener((obs, was, now) -> {
            if (now != null && (was == null || !was.family().equals(now.family()))) {
                deploy.findTargets(now.family());
            }
        });

        problemsList.setItems(editor.problems());
        problemsList.setPlaceholder(new Label("No problems: ECS would accept this."));
        editor.problems().addListener((javafx.collections.ListChangeListener<Problem>) c -> json.markProblems(editor.problems()));
        problemsList.setCellFactory(lv -> new ListCell<>() {
            // The whole message, wrapped to the list's width, never cut at its end.
            private final javafx.scene.text.Text message = new javafx.scene.text.Text();

            {
                message.getStyleClass().add("problem-text");
                message.wrappingWidthProperty().bind(lv.widthProperty().subtract(28));
                setPrefWidth(0);
            }

            @Override
            protected void updateItem(Problem p, boolean empty) {
                super.updateItem(p, empty);
                getStyleClass().removeAll("problem-error", "problem-warning");
                setText(null);
                if (empty || p == null) {
                    setGraphic(null);
                    return;
                }
                getStyleClass().add(p.severity() == Severity.ERROR ? "problem-error" : "problem-warning");
                message.setText(ProblemText.of(p));
                setGraphic(message);
            }
        });
        problemsList.setOnMouseClicked(e -> {
            Problem p = problemsList.getSelectionModel().getSelectedItem();
            if (p != null && p.line() > 0) {
                editTabs.getSelectionModel().select(jsonTab);
                json.goTo(p.line(), p.column());
            }
        });

        // Beside the form the column is narrow: old above new, so each value gets its whole width.
        diffPane.setContent(new RevisionDiffPane(editor.diff(), true).view());

        RolloutViewModel rollout = deploy.rollout();
        rolloutPane.visibleProperty().bind(rollout.stateProperty().isNotEmpty());
        rolloutPane.managedProperty().bind(rollout.stateProperty().isNotEmpty());
        rolloutHeadline.textProperty().bind(rollout.headlineProperty());
        deploymentsTable.setItems(rollout.deployments());
        deploymentsTable.getColumns().setAll(dcol("Deployment", Deployment::status), dcol("Revision", d -> Arns.familyRevision(d.taskDefinition())),
                dcol("State", Deployment::rolloutState), dcol("Tasks", d -> d.runningCount() + " of " + d.desiredCount() + " running · "
                        + d.pendingCount() + " pending · " + d.failedTasks() + " failed"));
        deploymentsTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        rolloutEvents.setItems(rollout.events());
        rolloutEvents.setCellFactory(lv -> new ListCell<>() {
            {
                // Wrap to the list's width instead of scrolling sideways.
                setWrapText(true);
                setPrefWidth(0);
            }

            @Override
            protected void updateItem(ServiceEvent e, boolean empty) {
                super.updateItem(e, empty);
                setText(empty || e == null ? null : TimeFormat.clock(e.createdAt()) + "  " + e.message());
            }
        });
        rollout.followingProperty().addListener((obs, was, now) -> {
            if (now) {
                rolloutPoll.play();
                followServiceDeployment(rollout.cluster(), rollout.service());
            } else {
                rolloutPoll.stop();
                deploy.refreshTargets();
                if (follower != null) {
                    follower.finish();
                }
            }
        });
    }

    /** Stages, hooks and traffic of the deployment just started, above the task counts and events (the newest one of the service). */
    private void followServiceDeployment(String cluster, String service) {
        if (followers == null) {
            return;
        }
        if (follower != null) {
            follower.stop();
        } else {
            followerBox.setFitToWidth(true);
            followerBox.setId("rolloutTimeline");
            rolloutSplit.getItems().add(0, followerBox);
            rolloutSplit.setDividerPositions(0.55, 0.8);
            // The rollout keeps its height: the stages and traffic scroll within it, and the editor keeps its room.
        }
        follower = followers.follow(cluster, service);
        followerBox.setContent(follower.view());
    }

    private static TableColumn<Deployment, String> dcol(String title, Function<Deployment, String> value) {
        TableColumn<Deployment, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return c;
    }

    @FXML
    private void register() {
        editor.register();
    }

    @FXML
    private void deregister() {
        editor.deregister();
    }

    @FXML
    private void deploy() {
        deploy.deploy(targetBox.getValue(), editor.baseProperty().get());
    }

    @FXML
    private void rollBack() {
        deploy.rollBack();
    }

    @FXML
    private void forceNewDeployment() {
        deploy.forceNewDeployment(targetBox.getValue());
    }

    public Parent view() {
        return view;
    }

    public void stop() {
        rolloutPoll.stop();
        if (follower != null) {
            follower.stop();
        }
    }
}
