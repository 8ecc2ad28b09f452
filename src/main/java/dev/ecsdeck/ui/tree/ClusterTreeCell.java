package dev.ecsdeck.ui.tree;

import dev.ecsdeck.model.Arns;
import dev.ecsdeck.model.Cluster;
import dev.ecsdeck.model.EcsService;
import dev.ecsdeck.model.EcsTask;
import dev.ecsdeck.ui.common.Icons;
import dev.ecsdeck.ui.common.TaskTargets;
import dev.ecsdeck.ui.common.TaskTargets.TaskTargetHealth;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TreeCell;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/** One row: icon, name, a muted summary, and badges (deploying, failed, errors) where they apply. */
final class ClusterTreeCell extends TreeCell<TreeEntry> {
    /** How long a row that a refresh changed stays highlighted. */
    static final javafx.util.Duration FLASH = javafx.util.Duration.millis(1500);
    private static final javafx.css.PseudoClass CHANGED = javafx.css.PseudoClass.getPseudoClass("changed");

    private final HBox box = new HBox(6);
    private final Label name = new Label();
    private final Label summary = new Label();
    private final javafx.beans.value.ObservableStringValue filterText;
    private final javafx.animation.PauseTransition unflash = new javafx.animation.PauseTransition(FLASH);
    /** A collapsed cluster's count of "Needs attention" items. */
    private final Label attention = new Label();
    private final java.util.function.ToIntFunction<String> attentionCount;
    private final javafx.beans.InvalidationListener expansionChanged = o -> showAttentionCount();

    /** A running task's age ("12m", "3h 4m"), kept current by the clock's ticks. */
    private final Label age = new Label();
    private final javafx.beans.value.ObservableLongValue nowMillis;
    private final javafx.beans.InvalidationListener onTick = o -> showAge();

    /** Opens a row's context menu at a point on screen. */
    interface MenuOpener {
        void open(javafx.scene.control.TreeItem<TreeEntry> row, Node anchor, double screenX, double screenY);
    }

    /** A cell that opens its row's menu through {@code menus} and shows running tasks' ages against {@code nowMillis}. */
    ClusterTreeCell(javafx.beans.value.ObservableStringValue filterText, MenuOpener menus,
            java.util.function.ToIntFunction<String> attentionCount, javafx.beans.value.ObservableLongValue nowMillis) {
        this.filterText = filterText;
        this.attentionCount = attentionCount;
        this.nowMillis = nowMillis;
        age.getStyleClass().addAll("row-summary", "row-age");
        nowMillis.addListener(new javafx.beans.WeakInvalidationListener(onTick));
        attention.getStyleClass().addAll("badge", "badge-danger", "attention-count");
        treeItemProperty().addListener((obs, was, now) -> {
            if (was != null) {
                was.expandedProperty().removeListener(expansionChanged);
            }
            if (now != null) {
                now.expandedProperty().addListener(expansionChanged);
            }
        });
        // A right-click acts on the row under the pointer: it selects that row first, then opens
        // that row's menu. The menu opens on the platform's request (press or release, by platform)
        // and on the release of the secondary button, for toolkits that send no request; the
        // opener shows one menu either way.
        addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            if (e.getButton() == MouseButton.SECONDARY && !isEmpty() && getTreeItem() != null) {
                getTreeView().getSelectionModel().select(getTreeItem());
                getTreeView().requestFocus();
            }
        });
        addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            if (e.getButton() == MouseButton.SECONDARY && e.isStillSincePress() && !isEmpty() && getTreeItem() != null) {
                menus.open(getTreeItem(), this, e.getScreenX(), e.getScreenY());
                e.consume();
            }
        });
        addEventHandler(ContextMenuEvent.CONTEXT_MENU_REQUESTED, e -> {
            if (!isEmpty() && getTreeItem() != null) {
                menus.open(getTreeItem(), this, e.getScreenX(), e.getScreenY());
                e.consume();
            }
        });
        box.setAlignment(Pos.CENTER_LEFT);
        summary.getStyleClass().add("row-summary");
        name.getStyleClass().add("row-name");
        unflash.setOnFinished(e -> pseudoClassStateChanged(CHANGED, false));
    }

    /** The name, with the part the filter matched highlighted. */
    private javafx.scene.Node nameNode(String text) {
        String needle = TreeFilter.needle(filterText.get());
        int at = needle.isEmpty() ? -1 : text.toLowerCase(java.util.Locale.ROOT).indexOf(needle);
        if (at < 0) {
            name.setText(text);
            return name;
        }
        javafx.scene.text.Text before = new javafx.scene.text.Text(text.substring(0, at));
        javafx.scene.text.Text match = new javafx.scene.text.Text(text.substring(at, at + needle.length()));
        javafx.scene.text.Text after = new javafx.scene.text.Text(text.substring(at + needle.length()));
        before.getStyleClass().add("row-name-text");
        match.getStyleClass().addAll("row-name-text", "filter-match");
        after.getStyleClass().add("row-name-text");
        return new javafx.scene.text.TextFlow(before, match, after);
    }

    /** Briefly highlights a row whose value a refresh just changed. */
    private void flashIfChanged() {
        if (getTreeItem() instanceof EntryItem e && e.changedAtNanos() != 0) {
            long ageMs = (System.nanoTime() - e.changedAtNanos()) / 1_000_000;
            if (ageMs < FLASH.toMillis()) {
                pseudoClassStateChanged(CHANGED, true);
                unflash.stop();
                unflash.setDuration(javafx.util.Duration.millis(FLASH.toMillis() - ageMs));
                unflash.playFromStart();
                return;
            }
        }
        unflash.stop();
        pseudoClassStateChanged(CHANGED, false);
    }

    @Override
    protected void updateItem(TreeEntry entry, boolean empty) {
        super.updateItem(entry, empty);
        if (empty || entry == null) {
            setText(null);
            setGraphic(null);
            return;
        }
        summary.setText("");
        box.getChildren().setAll(icon(entry), nameNode(entry.name()), summary);
        flashIfChanged();
        name.getStyleClass().removeAll("message-error", "message");
        if (entry instanceof TreeEntry.ClusterEntry c) {
            summary.setText(clusterSummary(c.cluster()));
            box.getChildren().add(attention);
            showAttentionCount();
        } else if (entry instanceof TreeEntry.FolderEntry f && f.count() != null) {
            summary.setText(String.valueOf(f.count()));
        } else if (entry instanceof TreeEntry.ServiceEntry s) {
            summary.setText(serviceSummary(s.service()));
            addServiceBadges(s.service());
        } else if (entry instanceof TreeEntry.TaskEntry t) {
            summary.setText(taskSummary(t.task()));
            if (nowMillis != null && runningSince(t.task()) != null) {
                box.getChildren().add(age);
                showAge();
            }
            addTargetHealth(t);
            if ("STOPPED".equals(t.task().desiredStatus())) {
                box.getChildren().add(badge(t.task().stopCode() == null ? "stopped" : t.task().stopCode(),
                        "EssentialContainerExited".equals(t.task().stopCode()) || "TaskFailedToStart".equals(t.task().stopCode())
                                ? "badge-danger" : "badge-muted"));
            }
        } else if (entry instanceof TreeEntry.ContainerEntry c) {
            summary.setText(c.container().lastStatus() + (c.container().exitCode() == null ? "" : " · exit " + c.container().exitCode())
                    + (c.container().healthStatus() == null ? "" : " · " + c.container().healthStatus()));
        } else if (entry instanceof TreeEntry.InstanceEntry i) {
            summary.setText(i.instance().status() + " · " + dev.ecsdeck.ui.common.Plural.of(i.instance().runningTasksCount(), "task") + " · "
                    + i.instance().attribute("ecs.availability-zone").orElse(""));
        } else if (entry instanceof TreeEntry.MessageEntry m) {
            name.getStyleClass().add(m.error() ? "message-error" : "message");
        }
        setText(null);
        setGraphic(box);
    }

    /** The badge shows on a collapsed cluster row with items; an open row shows its services' own badges instead. */
    private void showAttentionCount() {
        int n = getItem() instanceof TreeEntry.ClusterEntry c && getTreeItem() != null && !getTreeItem().isExpanded()
                ? attentionCount.applyAsInt(c.cluster().clusterName()) : 0;
        attention.setText(String.valueOf(n));
        attention.setVisible(n > 0);
        attention.setManaged(n > 0);
        attention.setTooltip(n > 0 ? new javafx.scene.control.Tooltip(n + (n == 1 ? " item needs" : " items need")
                + " attention in this cluster (see the Needs attention tab)") : null);
    }

    /** When a task that is RUNNING (and meant to) started; null for any other. */
    private static java.time.Instant runningSince(EcsTask t) {
        return "RUNNING".equals(t.lastStatus()) && "RUNNING".equals(t.desiredStatus()) ? t.startedAt() : null;
    }

    private void showAge() {
        if (!isEmpty() && getItem() instanceof TreeEntry.TaskEntry t && runningSince(t.task()) != null) {
            age.setText(age(runningSince(t.task()), nowMillis.get()));
        }
    }

    /** How long since {@code since}: "45s", "12m", "3h 4m", "2d 5h". */
    static String age(java.time.Instant since, long nowMillis) {
        long s = Math.max(0, (nowMillis - since.toEpochMilli()) / 1000);
        if (s < 60) {
            return s + "s";
        } else if (s < 3600) {
            return s / 60 + "m";
        } else if (s < 86_400) {
            return s / 3600 + "h " + s % 3600 / 60 + "m";
        }
        return s / 86_400 + "d " + s % 86_400 / 3600 + "h";
    }

    /**
     * A load-balanced task's target health. Healthy, the norm, is a word in the summary; any other state
     * is a badge right after the name, where a narrow tree still shows it ("unhealthy target", ELB's
     * reason and description in its tooltip). "not registered" only for a running task (one starting or
     * stopping is not registered as a matter of course).
     */
    private void addTargetHealth(TreeEntry.TaskEntry t) {
        TaskTargetHealth health = t.targetHealth();
        if (health == null || TaskTargets.NOT_REGISTERED.equals(health.state()) && !"RUNNING".equals(t.task().lastStatus())) {
            return;
        }
        String state = health.state();
        if (health.healthy()) {
            summary.setText(summary.getText() + " · target healthy");
            return;
        }
        String style = switch (state) {
            case "unhealthy", "unavailable" -> "badge-danger";
            case "initial", TaskTargets.NOT_REGISTERED -> "badge-warning";
            default -> "badge-muted";
        };
        Label badge = badge(TaskTargets.NOT_REGISTERED.equals(state) ? "no target registered" : state + " target", style);
        badge.getStyleClass().addAll("target-health", "target-" + state.replace(' ', '-'));
        badge.setMinWidth(Region.USE_PREF_SIZE);
        badge.setTooltip(new javafx.scene.control.Tooltip("Target health\n" + health.details()));
        box.getChildren().add(box.getChildren().indexOf(summary), badge);
    }

    private void addServiceBadges(EcsService s) {
        ServiceHealth health = ServiceHealth.of(s);
        if (health.deploymentFailed()) {
            box.getChildren().add(badge("deployment failed", "badge-danger"));
        } else if (health.rolledBack()) {
            box.getChildren().add(badge("rolled back", "badge-danger"));
        }
        if (health.deploying() && !health.deploymentFailed()) {
            box.getChildren().add(badge("deploying", "badge-accent"));
        }
        if (health.tasksFailing()) {
            box.getChildren().add(badge("tasks failing", "badge-warning"));
        }
    }

    static String clusterSummary(Cluster c) {
        return dev.ecsdeck.ui.common.Plural.of(c.activeServicesCount(), "service") + " · " + c.runningTasksCount() + " running"
                + (c.pendingTasksCount() > 0 ? " · " + c.pendingTasksCount() + " pending" : "")
                + (c.registeredContainerInstancesCount() > 0 ? " · " + dev.ecsdeck.ui.common.Plural.of(c.registeredContainerInstancesCount(), "instance") : "");
    }

    static String serviceSummary(EcsService s) {
        int old = s.runningOfOlderDeployments();
        return s.runningCount() + "/" + s.desiredCount() + (old > 0 ? " (" + old + " old)" : "")
                + (s.pendingCount() > 0 ? " (" + s.pendingCount() + " pending)" : "")
                + " · " + (s.launchType() == null ? "capacity provider" : s.launchType())
                + (s.isDaemon() ? " · daemon" : "");
    }

    static String taskSummary(EcsTask t) {
        String where = t.containerInstanceArn() == null ? "Fargate" : Arns.lastSegment(t.containerInstanceArn()).substring(0, 8);
        String exits = t.containers().stream().filter(c -> c.exitCode() != null).map(c -> c.name() + " exit " + c.exitCode())
                .collect(java.util.stream.Collectors.joining(", "));
        return t.lastStatus() + (t.healthStatus() == null || "UNKNOWN".equals(t.healthStatus()) ? "" : " · " + t.healthStatus())
                + " · " + Arns.familyRevision(t.taskDefinitionArn()) + " · " + where
                + ("STOPPED".equals(t.desiredStatus()) && t.stoppedReason() != null ? " · " + t.stoppedReason() : "")
                + (exits.isEmpty() ? "" : " · " + exits);
    }

    private static Label badge(String text, String style) {
        Label l = new Label(text);
        l.getStyleClass().addAll("badge", style);
        return l;
    }

    private static Node icon(TreeEntry e) {
        if (e instanceof TreeEntry.BackendEntry) {
            return Icons.backend();
        } else if (e instanceof TreeEntry.ClusterEntry) {
            return Icons.cluster();
        } else if (e instanceof TreeEntry.FolderEntry f) {
            return f.kind() == TreeEntry.FolderKind.TASK_DEFINITIONS ? Icons.taskDefinition() : Icons.folder();
        } else if (e instanceof TreeEntry.ServiceEntry) {
            return Icons.service();
        } else if (e instanceof TreeEntry.TaskEntry) {
            return Icons.task();
        } else if (e instanceof TreeEntry.ContainerEntry) {
            return Icons.container();
        } else if (e instanceof TreeEntry.InstanceEntry) {
            return Icons.instance();
        } else if (e instanceof TreeEntry.FamilyEntry || e instanceof TreeEntry.RevisionEntry) {
            return Icons.taskDefinition();
        }
        return new Label();
    }
}
