package dev.ecsdeck.ui.services;

import dev.ecsdeck.model.EcsService;
import dev.ecsdeck.provider.EcsProvider;
import dev.ecsdeck.provider.ServiceUpdate;
import dev.ecsdeck.ui.common.BackgroundTask;
import dev.ecsdeck.ui.common.BusyFlag;
import dev.ecsdeck.ui.common.Confirmer;
import dev.ecsdeck.ui.common.ErrorText;
import dev.ecsdeck.ui.common.TaskExecutor;
import dev.ecsdeck.ui.service.ServiceScaler;
import dev.ecsdeck.ui.service.TypedConfirmer;
import dev.ecsdeck.ui.tree.TreeEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * A cluster's services as a table: loaded in the background, narrowed by a filter (name, revision
 * or badge), and acted on several at a time — force a new deployment, scale to one count, tail
 * logs. Every change asks first naming each service, and is off in read-only mode.
 */
public final class ServicesTableViewModel {
    private final EcsProvider provider;
    private final TaskExecutor executor;
    private final Confirmer confirmer;
    private final TypedConfirmer typedConfirmer;
    private final StringProperty cluster = new SimpleStringProperty();
    private final ObservableList<ServiceRow> rows = FXCollections.observableArrayList();
    private final FilteredList<ServiceRow> shown = new FilteredList<>(rows);
    private final StringProperty filterText = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BusyFlag busy = new BusyFlag();
    private final BooleanBinding changesDisabled;
    private Consumer<TreeEntry> tailRequests = e -> { };
    private Runnable afterChange = () -> { };
    /** Which load is current: an answer for a cluster no longer shown is dropped. */
    private long generation;
    private boolean loading;
    /** A refresh was asked for while one ran (after a change, say): it runs when that one ends. */
    private boolean again;
    private boolean replacing;

    public ServicesTableViewModel(EcsProvider provider, TaskExecutor executor, Confirmer confirmer, TypedConfirmer typedConfirmer,
            ObservableBooleanValue readOnly) {
        this.provider = provider;
        this.executor = executor;
        this.confirmer = confirmer;
        this.typedConfirmer = typedConfirmer;
        this.changesDisabled = Bindings.createBooleanBinding(() -> readOnly.get() || busy.isBusy(), readOnly, busy.property());
        filterText.addListener((obs, was, now) -> applyFilter());
    }

    /** Where "Tail logs" sends each selected service. */
    public void onTailRequested(Consumer<TreeEntry> handler) {
        this.tailRequests = handler;
    }

    /** Called after a change went through (the window refreshes). */
    public void onChanged(Runnable handler) {
        this.afterChange = handler;
    }

    /** Shows a cluster's services; the same cluster again keeps its rows and reloads them. */
    public void show(String clusterName) {
        if (!clusterName.equals(cluster.get())) {
            generation++;
            cluster.set(clusterName);
            replaceRows(List.of());
            message.set("");
        }
        refresh();
    }

    /** Reloads the shown cluster's services (nothing when none is shown). */
    public void refresh() {
        String name = cluster.get();
        if (name == null) {
            return;
        }
        if (loading) {
            again = true;
            return;
        }
        long load = generation;
        loading = true;
        if (rows.isEmpty()) {
            status.set("Loading the services of " + name + "…");
        }
        BackgroundTask.of(() -> {
            List<ServiceRow> all = new ArrayList<>();
            provider.streamServices(name, batch -> {
                synchronized (all) {
                    batch.forEach(s -> all.add(new ServiceRow(name, s)));
                }
            });
            all.sort(Comparator.comparing(ServiceRow::name, String.CASE_INSENSITIVE_ORDER));
            return all;
        }).onSuccess(fresh -> {
            if (load == generation) {
                replaceRows(fresh);
                updateStatus();
            }
        }).onFailure(error -> {
            if (load == generation) {
                status.set("Could not list the services of " + name + ": " + ErrorText.of(error));
            }
        }).onFinished(() -> {
            loading = false;
            if (load != generation || again) {
                again = false;
                refresh(); // another cluster was chosen, or a change made, meanwhile
            }
        }).executeWith(executor);
    }

    private void replaceRows(List<ServiceRow> fresh) {
        replacing = true;
        try {
            rows.setAll(fresh);
        } finally {
            replacing = false;
        }
    }

    private void applyFilter() {
        String needle = filterText.get() == null ? "" : filterText.get().trim().toLowerCase(Locale.ROOT);
        shown.setPredicate(needle.isEmpty() ? null : row -> row.matches(needle));
        updateStatus();
    }

    private void updateStatus() {
        if (cluster.get() == null) {
            status.set("");
        } else if (shown.size() == rows.size()) {
            status.set(rows.size() + (rows.size() == 1 ? " service" : " services"));
        } else {
            status.set(shown.size() + " of " + rows.size() + " services match");
        }
    }

    /** Starts a new deployment of each service, after asking with every name. */
    public void forceNewDeployment(List<ServiceRow> selected) {
        if (changesDisabled.get() || selected.isEmpty()) {
            return;
        }
        String where = cluster.get();
        String names = names(selected, ServiceRow::name);
        String question = "Start a new deployment of " + count(selected) + " in " + where + ": " + names
                + "?\n\nEach replaces all its tasks with new ones of the same revision.";
        if (!confirmer.confirm("Force new deployment", question)) {
            message.set("No deployment started.");
            return;
        }
        update(selected, row -> ServiceUpdate.forceNewDeployment(where, row.name()), "New deployment started for ");
    }

    /**
     * Sets the desired count of each service to {@code target}, after asking with every name and
     * change; a drastic change (to zero, or down by more than half) asks for a typed name, as the
     * service panel's scaler does.
     */
    public void scale(List<ServiceRow> selected, int target) {
        if (changesDisabled.get() || selected.isEmpty()) {
            return;
        }
        String where = cluster.get();
        List<String> daemons = selected.stream().filter(r -> r.service().isDaemon()).map(ServiceRow::name).toList();
        if (!daemons.isEmpty()) {
            message.set("Not scaled: " + String.join(", ", daemons) + (daemons.size() == 1 ? " is a daemon service" : " are daemon services")
                    + " (one task per instance). Leave " + (daemons.size() == 1 ? "it" : "them") + " out of the selection.");
            return;
        }
        List<ServiceRow> changing = selected.stream().filter(r -> r.desired() != target).toList();
        if (changing.isEmpty()) {
            message.set((selected.size() == 1 ? selected.get(0).name() + " already wants " : "Each already wants ") + target
                    + (target == 1 ? " task." : " tasks."));
            return;
        }
        String changes = names(changing, r -> r.name() + " (" + r.desired() + " → " + target + ")");
        String change = "Scale " + count(changing) + " in " + where + " to " + target + (target == 1 ? " task" : " tasks") + ": " + changes;
        List<ServiceRow> drastic = changing.stream().filter(r -> ServiceScaler.drastic(r.desired(), target)).toList();
        boolean yes;
        if (drastic.isEmpty()) {
            yes = confirmer.confirm("Scale " + count(changing), change + "?");
        } else {
            String expected = changing.size() == 1 ? changing.get(0).name() : where;
            String what = target == 0 ? "This stops every task of " + names(drastic, ServiceRow::name) + "; they serve nothing until scaled up again."
                    : "This stops more than half the tasks of " + names(drastic, ServiceRow::name) + ".";
            yes = typedConfirmer.confirmTyped(change + "?", change + ". " + what + "\n\nType "
                    + (changing.size() == 1 ? "the service name, " : "the cluster name, ") + expected + ", to confirm.", expected);
        }
        if (!yes) {
            message.set("Not scaled.");
            return;
        }
        update(changing, row -> ServiceUpdate.desiredCount(where, row.name(), target), "Desired count set to " + target + " for ");
    }

    /** Opens one log tail per selected service. */
    public void tail(List<ServiceRow> selected) {
        selected.forEach(row -> tailRequests.accept(new TreeEntry.ServiceEntry(row.cluster(), row.service())));
    }

    /** Sends one UpdateService per service in the background; says which went through and which did not. */
    private void update(List<ServiceRow> targets, Function<ServiceRow, ServiceUpdate> call, String done) {
        message.set("Updating " + names(targets, ServiceRow::name) + "…");
        BackgroundTask.of(() -> {
            List<String> ok = new ArrayList<>();
            List<String> failed = new ArrayList<>();
            for (ServiceRow row : targets) {
                try {
                    EcsService updated = provider.updateService(call.apply(row));
                    ok.add(updated.serviceName());
                } catch (RuntimeException e) {
                    failed.add(row.name() + ": " + ErrorText.of(e));
                }
            }
            return (ok.isEmpty() ? "" : done + String.join(", ", ok) + ".")
                    + (failed.isEmpty() ? "" : (ok.isEmpty() ? "" : " ") + "Failed: " + String.join("; ", failed));
        }).onSuccess(result -> {
            message.set(result);
            afterChange.run();
        }).onFailure(error -> message.set(ErrorText.of(error)))
                .showingBusy(busy)
                .executeWith(executor);
    }

    private static String count(List<ServiceRow> rows) {
        return rows.size() == 1 ? "1 service" : rows.size() + " services";
    }

    private static String names(List<ServiceRow> rows, Function<ServiceRow, String> text) {
        return rows.stream().map(text).collect(Collectors.joining(", "));
    }

    /** The shown cluster's name, or null. */
    public ReadOnlyStringProperty clusterProperty() {
        return cluster;
    }

    /** Every loaded row, in name order. */
    public ObservableList<ServiceRow> rows() {
        return rows;
    }

    /** The rows the filter lets through (the table sorts them). */
    public ObservableList<ServiceRow> shownRows() {
        return shown;
    }

    public StringProperty filterTextProperty() {
        return filterText;
    }

    /** "4 services", "2 of 4 services match", "Loading…", or why the list failed. */
    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    /** What the last action did, or why it did not. */
    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    /** True in read-only mode and while a change is being sent. */
    public BooleanBinding changesDisabledProperty() {
        return changesDisabled;
    }

    /** True while a refresh swaps the rows (the view keeps its selection across it). */
    public boolean replacing() {
        return replacing;
    }
}
