package dev.ecsdeck.ui.service;

import dev.ecsdeck.ui.common.ReadOnlyHint;
import dev.ecsdeck.ui.service.DeploymentTimeline.Hook;
import dev.ecsdeck.ui.service.DeploymentTimeline.Step;
import dev.ecsdeck.ui.service.DeploymentTimeline.Traffic;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The timeline of one service deployment on screen: its title and status, the steps of its
 * strategy, its hooks (Continue / Roll back on one awaiting action), the bake countdown, a
 * {@link TrafficBar} per listener, and "Stop and roll back…" while it runs. It takes only a
 * {@link DeploymentTimelineViewModel}, so any window can show one: the service panel feeds it from
 * its history; elsewhere {@link #following} makes one that reads for itself.
 */
public final class DeploymentTimelineView {
    private final DeploymentTimelineViewModel model;
    private final VBox root = new VBox(6);
    private final Label title = new Label();
    private final Label status = new Label();
    private final Label reason = new Label();
    private final Label alarms = new Label();
    private final FlowPane steps = new FlowPane(6, 4);
    private final VBox hooks = new VBox(4);
    private final Label countdown = new Label();
    private final Label trafficCaption = new Label();
    private final VBox traffic = new VBox(4);
    private final Map<String, TrafficBar> bars = new LinkedHashMap<>();
    private final Button stopButton = new Button("Stop and roll back…");
    private final Label message = new Label();
    private final Label placeholder = new Label("No deployment to show.");
    private Timeline poll;
    private java.util.List<String> hookKeys = java.util.List.of();

    public DeploymentTimelineView(DeploymentTimelineViewModel model) {
        this.model = model;
        root.getStyleClass().add("deployment-timeline");
        root.getStylesheets().add(DeploymentTimelineView.class.getResource(ServiceEventsController.STYLESHEET).toExternalForm());
        root.setId("deploymentTimeline");
        title.setId("timelineTitle");
        title.getStyleClass().add("timeline-title");
        status.setId("timelineStatus");
        reason.setId("timelineReason");
        reason.setWrapText(true);
        reason.getStyleClass().add("timeline-reason");
        alarms.setId("timelineAlarms");
        alarms.setWrapText(true);
        steps.setId("timelineSteps");
        hooks.setId("timelineHooks");
        countdown.setId("timelineCountdown");
        countdown.getStyleClass().add("timeline-countdown");
        trafficCaption.getStyleClass().add("timeline-caption");
        stopButton.setId("stopRollbackButton");
        stopButton.getStyleClass().add("mutating");
        stopButton.setMinWidth(Pane.USE_PREF_SIZE);
        stopButton.setOnAction(e -> model.stopAndRollBack());
        stopButton.disableProperty().bind(model.actionsOffProperty());
        ReadOnlyHint.apply(stopButton, model.readOnly(), "Stop this deployment and return traffic and tasks to the revision it came from (asks first).");
        message.setId("timelineMessage");
        message.setWrapText(true);
        message.getStyleClass().add("log-status");
        message.textProperty().bind(model.messageProperty());
        placeholder.getStyleClass().add("service-part-placeholder");
        Pane gap = new Pane();
        HBox.setHgrow(gap, Priority.ALWAYS);
        VBox titles = new VBox(2, title, status);
        HBox head = new HBox(8, titles, gap, stopButton);
        head.setAlignment(Pos.CENTER_LEFT);
        title.setWrapText(true);
        status.setWrapText(true);
        root.getChildren().addAll(head, reason, alarms, steps, hooks, countdown, trafficCaption, traffic, message);
        model.timelineProperty().addListener((obs, was, now) -> show(now));
        show(model.timelineProperty().get());
    }

    /**
     * A timeline that reads for itself every two seconds once {@link #start()}ed: deployment
     * {@code deploymentArn} of the service, or its newest deployment when that is null.
     */
    public static DeploymentTimelineView following(ServicePanelContext context, ServiceRef ref, String deploymentArn) {
        return new DeploymentTimelineView(DeploymentTimelineViewModel.following(context, ref, deploymentArn));
    }

    /** Reads now and every two seconds (only for a view made by {@link #following}). */
    public void start() {
        model.refresh();
        if (poll == null) {
            poll = new Timeline(new KeyFrame(ServicePanel.POLL, e -> model.refresh()));
            poll.setCycleCount(Timeline.INDEFINITE);
        }
        poll.play();
    }

    public void stop() {
        if (poll != null) {
            poll.stop();
        }
    }

    public DeploymentTimelineViewModel model() {
        return model;
    }

    public Node view() {
        return root;
    }

    private void show(DeploymentTimeline t) {
        boolean any = t != null;
        for (Node n : root.getChildren()) {
            if (n != message) {
                n.setVisible(any);
                n.setManaged(any);
            }
        }
        if (!any) {
            if (!root.getChildren().contains(placeholder)) {
                root.getChildren().add(0, placeholder);
            }
            return;
        }
        root.getChildren().remove(placeholder);
        title.setText(t.title());
        status.setText(t.status());
        status.getStyleClass().removeIf(c -> c.startsWith("deployment-status-"));
        status.getStyleClass().add("deployment-status-" + t.status().split(" ")[0].toLowerCase(Locale.ROOT).replace('_', '-'));
        reason.setText(t.reason());
        showIfText(reason);
        alarms.setText(t.alarms());
        showIfText(alarms);
        steps.getChildren().setAll(t.steps().stream().map(DeploymentTimelineView::step).toList());
        showHooks(t);
        countdown.setText(t.countdown());
        showIfText(countdown);
        trafficCaption.setText(t.trafficCaption());
        showIfText(trafficCaption);
        showTraffic(t);
    }

    private void showTraffic(DeploymentTimeline t) {
        bars.keySet().retainAll(t.traffic().stream().map(Traffic::listener).toList());
        for (Traffic split : t.traffic()) {
            TrafficBar bar = bars.computeIfAbsent(split.listener(), listener -> {
                TrafficBar b = new TrafficBar(listener);
                b.setId("traffic" + listener);
                return b;
            });
            bar.show(split.shares());
        }
        traffic.getChildren().setAll(bars.values());
        traffic.setVisible(!bars.isEmpty());
        traffic.setManaged(!bars.isEmpty());
    }

    private static Node step(Step s) {
        String mark = switch (s.state()) {
            case DONE -> "✓ ";
            case CURRENT -> "▶ ";
            case STOPPED -> "✕ ";
            default -> "";
        };
        Label l = new Label(mark + s.name() + (s.detail().isEmpty() ? "" : " · " + s.detail()));
        l.getStyleClass().addAll("timeline-step", "step-" + s.state().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        return l;
    }

    /** The hooks' rows: their texts updated in place, rebuilt only when a hook comes, goes or stops awaiting action (a button under the mouse stays). */
    private void showHooks(DeploymentTimeline t) {
        java.util.List<String> keys = t.hooks().stream().map(h -> h.hookId() + "/" + h.awaitingAction()).toList();
        if (!keys.equals(hookKeys)) {
            hookKeys = keys;
            hooks.getChildren().setAll(t.hooks().stream().map(this::hook).toList());
            return;
        }
        for (int i = 0; i < t.hooks().size(); i++) {
            ((Label) ((HBox) hooks.getChildren().get(i)).getChildren().get(0)).setText(t.hooks().get(i).text());
        }
    }

    private Node hook(Hook h) {
        Label text = new Label(h.text());
        text.getStyleClass().add("timeline-hook");
        text.setWrapText(true);
        HBox row = new HBox(8, text);
        row.setAlignment(Pos.CENTER_LEFT);
        if (h.awaitingAction()) {
            Button go = new Button("Continue");
            go.setId("hookContinueButton");
            go.getStyleClass().addAll("mutating", "accent");
            go.setOnAction(e -> model.continueAt(h.hookId()));
            Button back = new Button("Roll back…");
            back.setId("hookRollbackButton");
            back.getStyleClass().add("mutating");
            back.setOnAction(e -> model.rollBackAt(h.hookId()));
            for (Button b : new Button[] {go, back}) {
                b.setMinWidth(Pane.USE_PREF_SIZE);
                b.disableProperty().bind(model.actionsOffProperty());
            }
            ReadOnlyHint.apply(go, model.readOnly(), "Let the deployment go on past this hook.");
            ReadOnlyHint.apply(back, model.readOnly(), "Roll the deployment back at this hook (asks first).");
            row.getChildren().addAll(go, back);
        }
        return row;
    }

    private static void showIfText(Label l) {
        boolean text = l.getText() != null && !l.getText().isEmpty();
        l.setVisible(text);
        l.setManaged(text);
    }
}
