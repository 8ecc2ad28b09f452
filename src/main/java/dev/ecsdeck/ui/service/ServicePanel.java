package dev.ecsdeck.ui.service;

import dev.ecsdeck.model.EcsTask;
import dev.ecsdeck.ui.common.Fxml;
import dev.ecsdeck.ui.common.ReadOnlyHint;
import dev.ecsdeck.ui.deploy.ServiceDeploy;
import dev.ecsdeck.ui.detail.DetailSection;
import dev.ecsdeck.ui.detail.DetailSectionsView;
import java.util.function.Consumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The service panel: counts and scaling on top, then Deployments, Auto scaling, Events, Charts,
 * Tasks and Configuration. It reads the service every two seconds while it is shown; its parts
 * update in place so nothing flickers and focus stays where the user put it.
 */
public final class ServicePanel {
    static final Duration POLL = Duration.seconds(2);
    /** The most tasks the spinner offers (ECS's own limit per service is higher, but no one dials that in here). */
    static final int MAX_DESIRED = 5000;

    /** Where the panel sends what the rest of the window does: logs, the editor, the tree. */
    public record Handlers(Runnable tailService, Consumer<EcsTask> tailTask, Consumer<String> editTaskDefinition,
            Consumer<String> revealTask) {}

    private final ServicePanelViewModel model;
    private final ServiceScaler scaler;
    private final DeploymentsViewModel deployments;
    private final DeploymentHistoryViewModel history;
    private final AutoScalingViewModel autoScaling;
    private final ServiceEventsViewModel events;
    private final ServiceChartsViewModel charts;
    private final ServiceTasksViewModel tasks;
    private final LoadBalancingViewModel loadBalancing;
    private final AlarmsViewModel alarms;
    private final Handlers handlers;
    private final ObservableList<DetailSection> configuration;
    private final Timeline poll;
    private final Parent view;
    @FXML
    private Label titleLabel;
    @FXML
    private Label subtitleLabel;
    @FXML
    private Label countsLabel;
    @FXML
    private Label progressLabel;
    @FXML
    private Label warningLabel;
    @FXML
    private Label messageLabel;
    @FXML
    private Label scaleProblemLabel;
    @FXML
    private Spinner<Integer> desiredSpinner;
    @FXML
    private Button minusButton;
    @FXML
    private Button plusButton;
    @FXML
    private Button applyButton;
    @FXML
    private Button resetButton;
    @FXML
    private Button editButton;
    @FXML
    private Button deployServiceButton;
    @FXML
    private Label deployServiceStatus;
    @FXML
    private TabPane partTabs;
    @FXML
    private Tab deploymentsTab;
    @FXML
    private Tab scalingTab;
    @FXML
    private Tab eventsTab;
    @FXML
    private Tab chartsTab;
    @FXML
    private Tab tasksTab;
    @FXML
    private Tab loadBalancingTab;
    @FXML
    private Tab alarmsTab;
    @FXML
    private VBox configurationBox;

    public ServicePanel(ServicePanelContext context, ServiceRef ref, Handlers handlers, ObservableList<DetailSection> configuration) {
        this.model = new ServicePanelViewModel(context, ref);
        this.scaler = model.add(new ServiceScaler(context, ref, model.current()));
        this.deployments = model.add(new DeploymentsViewModel(context, ref, model.current()));
        this.history = model.add(new DeploymentHistoryViewModel(context, ref, model.current()));
        this.autoScaling = model.add(new AutoScalingViewModel(context, ref, model.current()));
        this.events = model.add(new ServiceEventsViewModel(context, ref, model.serviceProperty()));
        this.charts = model.add(new ServiceChartsViewModel(context, ref, model.serviceProperty()));
        this.tasks = model.add(new ServiceTasksViewModel(context, ref, model.serviceProperty()));
        this.loadBalancing = model.add(new LoadBalancingViewModel(context, model.serviceProperty()));
        this.alarms = model.add(new AlarmsViewModel(context, ref, model.serviceProperty()));
        scaler.warnWith(autoScaling::overrideWarning);
        events.onTaskLinked(handlers.revealTask());
        tasks.onTailTask(handlers.tailTask());
        tasks.onTailService(handlers.tailService());
        this.handlers = handlers;
        this.configuration = configuration;
        history.onCompare(arns -> RevisionComparisonWindow.open(view().getScene().getWindow(), context, arns));
        // Hidden (another tab of the window in front), the panel does not read: its reads would only
        // compete with what the user is doing, which matters most when the API is throttling.
        this.poll = new Timeline(new KeyFrame(POLL, e -> {
            if (showing()) {
                model.poll();
            } else {
                model.skip();
            }
        }));
        poll.setCycleCount(Timeline.INDEFINITE);
        this.view = Fxml.load(this, "ServicePanel.fxml");
    }

    @FXML
    private void initialize() {
        ServiceRef ref = model.ref();
        titleLabel.setText(ref.service());
        javafx.scene.control.Tooltip subtitleTip = new javafx.scene.control.Tooltip();
        subtitleLabel.setTooltip(subtitleTip);
        model.serviceProperty().addListener((obs, was, s) -> {
            subtitleLabel.setText(s == null ? "" : "Service in " + ref.cluster() + " · "
                    + (s.launchType() != null ? s.launchType() + " · " : s.taskDefinition() != null ? "capacity provider · " : "")
                    + s.schedulingStrategy()
                    + (s.taskDefinition() == null ? " · task sets of an external deployment controller"
                            : " · " + dev.ecsdeck.model.Arns.familyRevision(s.taskDefinition())));
            subtitleTip.setText(subtitleLabel.getText()); // whole when the label is cut
        });
        countsLabel.textProperty().bind(model.countsProperty());
        // The deployment lines come and go with rollouts; the space they took stays, so the controls below do not jump.
        countsLabel.heightProperty().addListener((obs, was, height) -> {
            if (height.doubleValue() > countsLabel.getMinHeight()) {
                countsLabel.setMinHeight(height.doubleValue());
            }
        });
        messageLabel.textProperty().bind(model.messageProperty());
        messageLabel.visibleProperty().bind(model.messageProperty().isNotEmpty());
        messageLabel.managedProperty().bind(messageLabel.visibleProperty());
        progressLabel.textProperty().bind(scaler.progressProperty());
        warningLabel.textProperty().bind(scaler.warningProperty());
        warningLabel.visibleProperty().bind(scaler.warningProperty().isNotEmpty());
        warningLabel.managedProperty().bind(warningLabel.visibleProperty());
        editButton.disableProperty().bind(noTaskDefinition());

        DesiredCountSpinner.bind(desiredSpinner, scaler.desiredProperty(), scaleProblemLabel.textProperty());
        var off = scaler.disabledProperty();
        for (var control : new javafx.scene.control.Control[] {desiredSpinner, minusButton, plusButton}) {
            control.disableProperty().bind(off);
        }
        applyButton.disableProperty().bind(off.or(scaler.editedProperty().not()).or(scaleProblemLabel.textProperty().isNotEmpty()));
        scaleProblemLabel.visibleProperty().bind(scaleProblemLabel.textProperty().isNotEmpty());
        scaleProblemLabel.managedProperty().bind(scaleProblemLabel.visibleProperty());
        resetButton.disableProperty().bind(scaler.editedProperty().not());
        var readOnly = model.context().readOnly();
        ReadOnlyHint.apply(applyButton, readOnly, "Set the desired count (asks first).");
        ReadOnlyHint.apply(desiredSpinner, readOnly, "The desired count to apply.");
        ReadOnlyHint.apply(minusButton, readOnly, "One task less (then Apply).");
        ReadOnlyHint.apply(plusButton, readOnly, "One task more (then Apply).");

        bindDeployButton();
        deploymentsTab.setContent(new DeploymentsController(deployments, history).view());
        history.shownProperty().bind(deploymentsTab.selectedProperty());
        scalingTab.setContent(new AutoScalingController(autoScaling).view());
        eventsTab.setContent(new ServiceEventsController(events).view());
        chartsTab.setContent(new ServiceChartsController(charts).view());
        charts.shownProperty().bind(chartsTab.selectedProperty()); // CloudWatch reads only while the charts are in front
        tasksTab.setContent(new ServiceTasksController(tasks).view());
        loadBalancingTab.setContent(new LoadBalancingController(loadBalancing).view());
        loadBalancing.shownProperty().bind(loadBalancingTab.selectedProperty()); // its reads cost a call per group and load balancer
        alarmsTab.setContent(new AlarmsController(alarms).view());
        alarms.shownProperty().bind(alarmsTab.selectedProperty());
        new DetailSectionsView(configurationBox, configuration);
    }

    /** "Deploy…": off until the service is read, and in read-only mode (with the reason). */
    /** No service yet, or one with no task definition of its own (EXTERNAL deployment controller: its task sets have them). */
    private javafx.beans.binding.BooleanBinding noTaskDefinition() {
        return javafx.beans.binding.Bindings.createBooleanBinding(() -> model.serviceProperty().get() == null
                || model.serviceProperty().get().taskDefinition() == null, model.serviceProperty());
    }

    private void bindDeployButton() {
        var readOnly = javafx.beans.binding.BooleanExpression.booleanExpression(model.context().readOnly());
        deployServiceButton.disableProperty().bind(noTaskDefinition().or(readOnly));
        ReadOnlyHint.apply(deployServiceButton, model.context().readOnly(),
                "Deploy a revision of the family with a strategy: see the plan and the changes first.");
        deployServiceStatus.visibleProperty().bind(deployServiceStatus.textProperty().isNotEmpty());
        deployServiceStatus.managedProperty().bind(deployServiceStatus.visibleProperty());
    }

    /** The deploy question for this service: a revision of its family and a strategy. */
    @FXML
    private void deployService() {
        ServicePanelContext c = model.context();
        new ServiceDeploy(c.provider(), c.executor(), c.readOnly(), () -> view.getScene() == null ? null : view.getScene().getWindow(),
                deployServiceStatus.textProperty(), model::changedElsewhere).ask(model.ref().cluster(), model.ref().service());
    }

    /** Starts reading the service: now, and every two seconds until {@link #stop()}. */
    /** Set once the panel has been closed (another row shown): it no longer takes the keyboard. */
    private boolean stopped;

    public void start() {
        model.poll();
        poll.play();
    }

    public void stop() {
        stopped = true;
        poll.stop();
    }

    /** Whether the panel is on screen: in a showing window, and every enclosing node visible (a tab's content is not while another tab is selected). */
    private boolean showing() {
        if (view.getScene() == null || view.getScene().getWindow() == null || !view.getScene().getWindow().isShowing()) {
            return false;
        }
        for (javafx.scene.Node n = view; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** Puts the keyboard in the desired-count spinner (the tree's "Scale…"). */
    public void focusScale() {
        desiredSpinner.requestFocus();
        desiredSpinner.getEditor().selectAll();
    }

    /** Puts the keyboard in the scale spinner now, or once the panel has read its service (the spinner is off until then). */
    public void focusScaleWhenLoaded() {
        var service = model.serviceProperty();
        if (service.get() != null) {
            focusScale();
            return;
        }
        service.addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends dev.ecsdeck.model.EcsService> obs,
                    dev.ecsdeck.model.EcsService was, dev.ecsdeck.model.EcsService now) {
                if (now != null) {
                    service.removeListener(this);
                    if (!stopped) {
                        focusScale();
                    }
                }
            }
        });
    }

    public ServiceRef ref() {
        return model.ref();
    }

    public ServicePanelViewModel model() {
        return model;
    }

    public ServiceScaler scaler() {
        return scaler;
    }

    public DeploymentsViewModel deployments() {
        return deployments;
    }

    /** The service's deployment history, whose timeline shows the selected deployment. */
    public DeploymentHistoryViewModel history() {
        return history;
    }

    /** Where "Compare revisions…" in the history sends two service revision ARNs, older first; without it there is no such button. */
    public void onCompareRevisions(Consumer<java.util.List<String>> compare) {
        history.onCompare(compare);
    }

    public AutoScalingViewModel autoScaling() {
        return autoScaling;
    }

    public ServiceEventsViewModel events() {
        return events;
    }

    public ServiceChartsViewModel charts() {
        return charts;
    }

    public ServiceTasksViewModel tasks() {
        return tasks;
    }

    public LoadBalancingViewModel loadBalancing() {
        return loadBalancing;
    }

    public AlarmsViewModel alarms() {
        return alarms;
    }

    /** Shows one of the part tabs by its title ("Deployments", "Auto scaling", "Events", "Charts", "Tasks", "Configuration"). */
    public void showPart(String title) {
        partTabs.getTabs().stream().filter(t -> t.getText().equals(title)).findFirst().ifPresent(t -> partTabs.getSelectionModel().select(t));
    }

    public Parent view() {
        return view;
    }

    @FXML
    private void increment() {
        scaler.increment();
    }

    @FXML
    private void decrement() {
        scaler.decrement();
    }

    @FXML
    private void applyScale() {
        desiredSpinner.increment(0); // commits a typed value
        scaler.apply();
    }

    @FXML
    private void resetScale() {
        scaler.reset();
    }

    @FXML
    private void tailLogs() {
        handlers.tailService().run();
    }

    @FXML
    private void editTaskDefinition() {
        if (model.serviceProperty().get() != null) {
            handlers.editTaskDefinition().accept(model.serviceProperty().get().taskDefinition());
        }
    }
}
