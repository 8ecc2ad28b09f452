package dev.ecsdeck.ui.taskdef;

import dev.ecsdeck.model.TaskDefinition;
import dev.ecsdeck.provider.EcsProvider;
import dev.ecsdeck.ui.common.BackgroundTask;
import dev.ecsdeck.ui.common.BusyFlag;
import dev.ecsdeck.ui.common.Confirmer;
import dev.ecsdeck.ui.common.ErrorText;
import dev.ecsdeck.ui.common.TaskExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The revisions browser: task-definition families, the revisions of the chosen one newest first
 * (ACTIVE, or INACTIVE too), who registered each when and which services run it; comparing two
 * revisions, opening one in the editor, deregistering one.
 */
public final class RevisionsViewModel {
    /** Revisions described per family at most; older ones are listed in the status line only. */
    static final int MAX_DESCRIBED = 100;

    private final EcsProvider provider;
    private final TaskExecutor executor;
    private final Confirmer confirmer;
    private final ObservableBooleanValue readOnly;
    private final ObservableList<String> families = FXCollections.observableArrayList();
    private final FilteredList<String> shownFamilies = new FilteredList<>(families);
    private final StringProperty familyFilter = new SimpleStringProperty("");
    private final ObjectProperty<String> family = new SimpleObjectProperty<>();
    private final BooleanProperty showInactive = new SimpleBooleanProperty(false);
    private final ObservableList<RevisionRow> revisions = FXCollections.observableArrayList();
    private final StringProperty status = new SimpleStringProperty("");
    private final BusyFlag busy = new BusyFlag();
    private final DiffViewModel comparison = new DiffViewModel();
    private RevisionUsage usage = RevisionUsage.none();
    private boolean usageLoaded;
    private long generation;
    private Consumer<String> onOpen = arn -> { };

    public RevisionsViewModel(EcsProvider provider, TaskExecutor executor, Confirmer confirmer, ObservableBooleanValue readOnly) {
        this.provider = provider;
        this.executor = executor;
        this.confirmer = confirmer;
        this.readOnly = readOnly;
        familyFilter.addListener((obs, was, now) -> {
            String f = now == null ? "" : now.trim().toLowerCase(Locale.ROOT);
            shownFamilies.setPredicate(name -> f.isEmpty() || name.toLowerCase(Locale.ROOT).contains(f));
        });
        family.addListener((obs, was, now) -> loadRevisions());
        showInactive.addListener((obs, was, now) -> loadRevisions());
    }

    /** Called with the ARN of a revision to open in the editor. */
    public void onOpen(Consumer<String> handler) {
        this.onOpen = handler;
    }

    /** Lists the families (again), and forgets which services run what, to read it again. */
    public void refresh() {
        usageLoaded = false;
        BackgroundTask.of(provider::listTaskDefinitionFamilies)
                .onSuccess(list -> {
                    families.setAll(list);
                    if (family.get() != null) {
                        loadRevisions();
                    }
                })
                .onFailure(error -> status.set("Families: " + ErrorText.of(error)))
                .executeWith(executor);
    }

    /** Shows one family, listing the families first when they are not yet listed. */
    public void select(String familyName) {
        if (families.isEmpty()) {
            refresh();
        }
        if (familyName.equals(family.get())) {
            loadRevisions();
        } else {
            family.set(familyName);
        }
    }

    private void loadRevisions() {
        String name = family.get();
        long mine = ++generation;
        if (name == null) {
            revisions.clear();
            return;
        }
        boolean inactive = showInactive.get();
        boolean readUsage = !usageLoaded;
        status.set("Loading the revisions of " + name + "…");
        BackgroundTask.of(() -> {
            RevisionUsage used = readUsage ? RevisionUsage.read(provider) : usage;
            List<String> arns = provider.listTaskDefinitions(name, inactive);
            List<RevisionRow> rows = new ArrayList<>();
            for (String arn : arns.subList(0, Math.min(arns.size(), MAX_DESCRIBED))) {
                TaskDefinition td = provider.describeTaskDefinition(arn);
                rows.add(new RevisionRow(td.taskDefinitionArn(), td.familyRevision(), td.revision(), td.status(), td.registeredAt(),
                        td.registeredBy(), td.deregisteredAt(), used.servicesOf(td.taskDefinitionArn())));
            }
            return new Loaded(used, rows, arns.size());
        }).onSuccess(loaded -> {
            if (mine != generation) {
                return;
            }
            usage = loaded.usage();
            usageLoaded = true;
            revisions.setAll(loaded.rows());
            status.set(loaded.total() + (inactive ? " revisions" : " active revisions")
                    + (loaded.total() > loaded.rows().size() ? ", the newest " + loaded.rows().size() + " shown" : ""));
        }).onFailure(error -> {
            if (mine == generation) {
                status.set(name + ": " + ErrorText.of(error));
            }
        }).showingBusy(busy).executeWith(executor); // busy until the newest of overlapping loads has finished
    }

    private record Loaded(RevisionUsage usage, List<RevisionRow> rows, int total) {}

    /** Opens the revision in an editor. */
    public void open(RevisionRow row) {
        if (row != null) {
            onOpen.accept(row.taskDefinitionArn());
        }
    }

    /**
     * Compares two revisions, the older one on the left; with one chosen, compares it against the
     * revision before it in the list.
     */
    public void compare(List<RevisionRow> chosen) {
        List<RevisionRow> pair = pairFor(chosen);
        if (pair.isEmpty()) {
            status.set("Choose one revision (compared with the one before it) or two.");
            return;
        }
        RevisionRow older = pair.get(0);
        RevisionRow newer = pair.get(1);
        status.set("Comparing " + older.familyRevision() + " with " + newer.familyRevision() + "…");
        BackgroundTask.of(() -> List.of(provider.describeTaskDefinition(older.taskDefinitionArn()),
                        provider.describeTaskDefinition(newer.taskDefinitionArn())))
                .onSuccess(both -> {
                    comparison.titles(older.familyRevision(), newer.familyRevision());
                    comparison.compare(both.get(0).json(), both.get(1).json());
                    status.set(older.familyRevision() + " ↔ " + newer.familyRevision()
                            + (comparison.identical() ? ": no differences" : ""));
                })
                .onFailure(error -> status.set("Compare: " + ErrorText.of(error)))
                .executeWith(executor);
    }

    private List<RevisionRow> pairFor(List<RevisionRow> chosen) {
        if (chosen.size() == 2) {
            RevisionRow a = chosen.get(0);
            RevisionRow b = chosen.get(1);
            return a.revision() <= b.revision() ? List.of(a, b) : List.of(b, a);
        }
        if (chosen.size() == 1) {
            int at = revisions.indexOf(chosen.get(0));
            if (at >= 0 && at + 1 < revisions.size()) {
                return List.of(revisions.get(at + 1), chosen.get(0));
            }
        }
        return List.of();
    }

    /** Deregisters a revision after a confirmation that names it and the services still running it. */
    public void deregister(RevisionRow row) {
        if (row == null || readOnly.get() || !row.active()) {
            return;
        }
        String running = row.usedBy().isEmpty() ? "" : " It is still used by " + String.join(", ", row.usedBy()) + ".";
        if (!confirmer.confirm("Deregister " + row.familyRevision(), "Deregister task definition " + row.familyRevision() + "?"
                + running + " Running tasks keep running; no new task or deployment can use it.")) {
            return;
        }
        BackgroundTask.of(() -> provider.deregisterTaskDefinition(row.taskDefinitionArn()))
                .onSuccess(td -> {
                    status.set(td.familyRevision() + " is now " + td.status() + ".");
                    loadRevisions();
                })
                .onFailure(error -> status.set("Not deregistered: " + ErrorText.of(error)))
                .executeWith(executor);
    }

    public ObservableList<String> families() {
        return shownFamilies;
    }

    public StringProperty familyFilterProperty() {
        return familyFilter;
    }

    public ObjectProperty<String> familyProperty() {
        return family;
    }

    public BooleanProperty showInactiveProperty() {
        return showInactive;
    }

    public ObservableList<RevisionRow> revisions() {
        return revisions;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.property();
    }

    public DiffViewModel comparison() {
        return comparison;
    }

    public ObservableBooleanValue readOnly() {
        return readOnly;
    }
}
