package dev.ecsdeck.ui.service;

import dev.ecsdeck.model.Arns;
import dev.ecsdeck.model.EcsService;
import dev.ecsdeck.model.ServiceDeployment;
import dev.ecsdeck.model.ServiceDeploymentBrief;
import dev.ecsdeck.provider.ServiceUpdate;
import dev.ecsdeck.ui.common.BackgroundTask;
import dev.ecsdeck.ui.common.BusyFlag;
import dev.ecsdeck.ui.common.ErrorText;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Every service deployment of the service, newest first (ListServiceDeployments at each read of
 * the panel), each described once it is listed (DescribeServiceDeployments) and again only while
 * it is in flight: a finished deployment never changes, nor does a service revision. The timeline
 * shows the selected deployment, or the one in flight, else the newest. From here: roll back to a
 * revision a finished deployment came from (or went to), and compare two revisions.
 */
public final class DeploymentHistoryViewModel implements ServicePart {
    /** The newest deployments described for their rows; older ones show what the list says (a service may have hundreds). */
    static final int DESCRIBED = 40;

    private final ServicePanelContext context;
    private final ServiceRef ref;
    private final CurrentService current;
    private final DeploymentTimelineLabels labels = new DeploymentTimelineLabels();
    private final DeploymentTimelineViewModel timeline;
    private final ObservableList<DeploymentHistoryRow> rows = FXCollections.observableArrayList();
    private final ObservableList<DeploymentHistoryRow> selected = FXCollections.observableArrayList();
    /** Described deployments by ARN; only touched on the FX thread. */
    private final Map<String, ServiceDeployment> described = new HashMap<>();
    private final StringProperty message = new SimpleStringProperty("");
    private final BusyFlag busy = new BusyFlag();
    private final BooleanBinding rollBackOff;
    private final javafx.beans.property.ObjectProperty<Consumer<List<String>>> compare = new javafx.beans.property.SimpleObjectProperty<>();
    /** The history is read only while its tab is shown: a read lists every deployment and describes those in flight. */
    private final BooleanProperty shown = new SimpleBooleanProperty(true);
    private boolean loading;
    /** True while a refresh brings the rows up to date: selection changes then are the table's, not the user's. */
    private boolean merging;
    private Runnable merged = () -> { };

    public DeploymentHistoryViewModel(ServicePanelContext context, ServiceRef ref, CurrentService current) {
        this.context = context;
        this.ref = ref;
        this.current = current;
        this.timeline = DeploymentTimelineViewModel.fed(context, ref, labels);
        timeline.onChanged(current::readNow);
        this.rollBackOff = Bindings.createBooleanBinding(() -> context.readOnly().get() || busy.isBusy() || current.get() == null
                || rollBackTarget() == null, context.readOnly(), busy.property(), current.property(), selected, rows);
        selected.addListener((javafx.collections.ListChangeListener<DeploymentHistoryRow>) c -> showTimeline());
        shown.addListener((obs, was, now) -> {
            if (now) {
                refresh();
            }
        });
    }

    /** Whether the history is on screen; set false, it stops reading until shown again. */
    public BooleanProperty shownProperty() {
        return shown;
    }

    @Override
    public void refresh() {
        if (loading || !shown.get()) {
            return;
        }
        loading = true;
        Map<String, String> known = new HashMap<>();
        described.forEach((arn, d) -> known.put(arn, d.status()));
        BackgroundTask.of(() -> read(known)).onSuccess(this::apply).onFailure(error -> message.set("Deployment history: " + ErrorText.of(error)))
                .onFinished(() -> loading = false).executeWith(context.executor());
    }

    private record Read(List<ServiceDeploymentBrief> briefs, List<ServiceDeployment> described) {}

    /** Off the FX thread: the list, the deployments not described yet or still in flight, and the revisions they name. */
    private Read read(Map<String, String> known) {
        List<ServiceDeploymentBrief> briefs = context.provider().listServiceDeployments(ref.cluster(), ref.service());
        List<String> describe = new ArrayList<>();
        for (int i = 0; i < briefs.size(); i++) {
            ServiceDeploymentBrief b = briefs.get(i);
            String status = known.get(b.serviceDeploymentArn());
            boolean stale = status == null ? i < DESCRIBED : DeploymentTimeline.inFlight(status) || !status.equals(b.status());
            if (stale) {
                describe.add(b.serviceDeploymentArn());
            }
        }
        List<ServiceDeployment> fresh = describe.isEmpty() ? List.of() : context.provider().describeServiceDeployments(describe);
        List<String> revisions = new ArrayList<>();
        briefs.forEach(b -> revisions.add(b.targetServiceRevisionArn()));
        fresh.forEach(d -> revisions.addAll(DeploymentTimelineViewModel.revisionArns(d)));
        labels.fetchMissing(context.provider(), revisions);
        return new Read(briefs, fresh);
    }

    private void apply(Read read) {
        read.described().forEach(d -> described.put(d.serviceDeploymentArn(), d));
        Instant now = now();
        List<DeploymentHistoryRow> fresh = read.briefs().stream()
                .map(b -> DeploymentHistoryRow.of(b, described.get(b.serviceDeploymentArn()), labels, now)).toList();
        merging = true;
        try {
            KeyedListMerge.merge(rows, fresh, DeploymentHistoryRow::arn);
        } finally {
            merging = false;
        }
        merged.run();
        if (message.get().startsWith("Deployment history:")) {
            message.set("");
        }
        showTimeline();
    }

    /** The timeline shows the row selected, else the deployment in flight, else the newest. */
    private void showTimeline() {
        String arn = selected.isEmpty() ? rows.stream().filter(DeploymentHistoryRow::inFlight).findFirst().or(() -> rows.stream().findFirst())
                .map(DeploymentHistoryRow::arn).orElse(null) : selected.get(0).arn();
        EcsService s = current.get();
        ServiceDeployment d = arn == null ? null : described.get(arn);
        if (arn != null && d == null) {
            describeOne(arn); // an old one, beyond those described for their rows
        }
        timeline.show(d, s == null ? List.of() : s.events());
    }

    private void describeOne(String arn) {
        BackgroundTask.of(() -> {
            List<ServiceDeployment> found = context.provider().describeServiceDeployments(List.of(arn));
            found.forEach(d -> labels.fetchMissing(context.provider(), DeploymentTimelineViewModel.revisionArns(d)));
            return found;
        }).onSuccess(found -> {
            found.forEach(d -> described.put(d.serviceDeploymentArn(), d));
            if (!found.isEmpty()) {
                showTimeline();
            }
        }).onFailure(error -> message.set(ErrorText.of(error))).executeWith(context.executor());
    }

    /** The rows the user selected (the view keeps it equal to the table's selection). */
    public ObservableList<DeploymentHistoryRow> selected() {
        return selected;
    }

    /** The revision "Roll back to this revision…" deploys: the source of the one finished deployment selected, or null. */
    DeploymentHistoryRow rollBackTarget() {
        if (selected.size() != 1) {
            return null;
        }
        DeploymentHistoryRow row = selected.get(0);
        return !row.inFlight() && row.sourceRevisionArn() != null && labels.taskDefinition(row.sourceRevisionArn()) != null ? row : null;
    }

    /** Deploys again the revision the selected finished deployment came from, after asking (UpdateService with its task definition). */
    public void rollBackToSource() {
        DeploymentHistoryRow row = rollBackTarget();
        if (row != null) {
            rollBackTo(row.sourceRevisionArn());
        }
    }

    /** Deploys the task definition of service revision {@code revisionArn} again, after asking, naming the service and both revisions. */
    public void rollBackTo(String revisionArn) {
        EcsService s = current.get();
        String taskDefinition = labels.taskDefinition(revisionArn);
        if (context.readOnly().get() || busy.isBusy() || s == null || taskDefinition == null) {
            return;
        }
        String from = Arns.familyRevision(s.taskDefinition());
        String to = Arns.familyRevision(taskDefinition);
        if (from.equals(to)) {
            message.set(ref.service() + " already runs " + to + ".");
            return;
        }
        if (!context.confirmer().confirm("Roll back " + ref.service(), "Roll back " + ref.service() + " in " + ref.cluster() + " from " + from
                + " to " + to + "? It deploys " + to + " with the service's present deployment configuration.")) {
            message.set("Not rolled back.");
            return;
        }
        message.set("Rolling back to " + to + "…");
        BackgroundTask.of(() -> context.provider().updateService(ServiceUpdate.taskDefinition(ref.cluster(), ref.service(), taskDefinition)))
                .onSuccess(updated -> {
                    message.set("Rolling back to " + to + ".");
                    current.publish(updated);
                    current.readNow();
                }).onFailure(error -> message.set(ErrorText.of(error))).showingBusy(busy).executeWith(context.executor());
    }

    /**
     * The two revisions "Compare revisions…" compares, older first: one row's source and target, or
     * two rows' targets; empty when the selection names no such pair.
     */
    public List<String> comparedRevisions() {
        if (selected.size() == 1) {
            DeploymentHistoryRow row = selected.get(0);
            return row.sourceRevisionArn() == null ? List.of() : List.of(row.sourceRevisionArn(), row.targetRevisionArn());
        }
        if (selected.size() == 2) {
            List<DeploymentHistoryRow> two = new ArrayList<>(selected);
            two.sort(Comparator.comparing(DeploymentHistoryRow::startedAt, Comparator.nullsFirst(Comparator.naturalOrder())));
            if (two.get(0).targetRevisionArn() != null && !two.get(0).targetRevisionArn().equals(two.get(1).targetRevisionArn())) {
                return List.of(two.get(0).targetRevisionArn(), two.get(1).targetRevisionArn());
            }
        }
        return List.of();
    }

    /** Hands the two selected revisions to the compare window. */
    public void compare() {
        List<String> pair = comparedRevisions();
        if (compare.get() != null && pair.size() == 2) {
            compare.get().accept(pair);
        }
    }

    /** Who compares two service revisions (ARNs, older first); without one there is no "Compare revisions…". */
    public void onCompare(Consumer<List<String>> handler) {
        compare.set(handler);
    }

    javafx.beans.binding.BooleanExpression canCompare() {
        return compare.isNotNull();
    }

    /** Whether the rows are being brought up to date right now. */
    boolean merging() {
        return merging;
    }

    /** Called after each refresh brought the rows up to date (the table puts its selection back). */
    void onMerged(Runnable after) {
        this.merged = after;
    }

    private Instant now() {
        return Instant.ofEpochMilli(context.nowMillis().getAsLong());
    }

    public ObservableList<DeploymentHistoryRow> rows() {
        return rows;
    }

    public DeploymentTimelineViewModel timeline() {
        return timeline;
    }

    public DeploymentTimelineLabels labels() {
        return labels;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    /** True while "Roll back to this revision…" does not apply. */
    public BooleanBinding rollBackOffProperty() {
        return rollBackOff;
    }

    public javafx.beans.value.ObservableBooleanValue readOnly() {
        return context.readOnly();
    }

    ReadOnlyObjectProperty<EcsService> service() {
        return current.property();
    }
}
