package dev.ecsdeck.ui.taskdef;

import dev.ecsdeck.model.Arns;
import dev.ecsdeck.model.TaskDefinition;
import dev.ecsdeck.provider.EcsProvider;
import dev.ecsdeck.provider.InvalidInputException;
import dev.ecsdeck.taskdef.Problem;
import dev.ecsdeck.taskdef.Severity;
import dev.ecsdeck.taskdef.TaskDefinitionDocuments;
import dev.ecsdeck.taskdef.TaskDefinitionDraft;
import dev.ecsdeck.taskdef.TaskDefinitionValidator;
import dev.ecsdeck.ui.common.BackgroundTask;
import dev.ecsdeck.ui.common.BusyFlag;
import dev.ecsdeck.ui.common.Confirmer;
import dev.ecsdeck.ui.common.ErrorText;
import dev.ecsdeck.ui.common.TaskExecutor;
import dev.ecsdeck.ui.deploy.ImageVerification;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One task-definition editor: the revision it started from (the base), the draft's text, its
 * problems as typed, its diff against the base, and registering it. The form and the JSON text are
 * two views of one draft: a form edit rewrites the text, a text edit that parses updates the form.
 * Every edit is saved as a draft; a failed register keeps the text and says why in place.
 */
public final class TaskDefinitionEditorViewModel {
    private final EcsProvider provider;
    private final TaskExecutor executor;
    private final Confirmer confirmer;
    private final ObservableBooleanValue readOnly;
    private final DraftStore drafts;
    private final Clock clock;
    private final TaskDefinitionValidator validator = new TaskDefinitionValidator();

    private final ObjectProperty<TaskDefinition> base = new SimpleObjectProperty<>();
    private final StringProperty text = new SimpleStringProperty("");
    private final StringProperty title = new SimpleStringProperty("Task definition");
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty summary = new SimpleStringProperty("");
    private final ObservableList<Problem> problems = FXCollections.observableArrayList();
    private final DiffViewModel diff = new DiffViewModel();
    private final BusyFlag busy = new BusyFlag();
    private final BooleanProperty hasErrors = new SimpleBooleanProperty();
    private final IntegerProperty formVersion = new SimpleIntegerProperty();
    private final BooleanBinding registerDisabled;
    private TaskDefinitionDraft draft;
    private Consumer<TaskDefinition> onRegistered = td -> { };
    /** The family's newest revision when the editor opened (or last registered); newer ones are warned about. */
    private int newestAtOpen;

    public TaskDefinitionEditorViewModel(EcsProvider provider, TaskExecutor executor, Confirmer confirmer,
            ObservableBooleanValue readOnly, DraftStore drafts, Clock clock) {
        this.provider = provider;
        this.executor = executor;
        this.confirmer = confirmer;
        this.readOnly = readOnly;
        this.drafts = drafts;
        this.clock = clock;
        this.registerDisabled = Bindings.createBooleanBinding(() -> hasErrors.get() || busy.isBusy() || readOnly.get() || base.get() == null,
                hasErrors, busy.property(), readOnly, base);
    }

    /** Called with each revision this editor registers (the deploy panel offers it next). */
    public void onRegistered(Consumer<TaskDefinition> handler) {
        this.onRegistered = handler;
    }

    /**
     * Opens a revision: its register request becomes the text. The family's newest revision is
     * noted too: register warns only about revisions that appear after this.
     */
    public void open(String taskDefinition) {
        message.set("Loading " + Arns.familyRevision(taskDefinition) + "…");
        BackgroundTask.of(() -> {
            TaskDefinition td = provider.describeTaskDefinition(taskDefinition);
            List<String> revisions = provider.listTaskDefinitions(td.family(), false);
            return new Opened(td, revisions.isEmpty() ? td.revision() : Math.max(td.revision(), Arns.revision(revisions.get(0))));
        }).onSuccess(opened -> {
            TaskDefinition td = opened.revision();
            base.set(td);
            newestAtOpen = opened.newest();
            title.set(td.familyRevision());
            message.set(opened.newest() > td.revision() ? td.family() + ":" + opened.newest() + " is newer than this revision; "
                    + "registering makes a new revision from this one." : "");
            edit(TaskDefinitionDocuments.toRegisterRequest(td.json()), false);
        }).onFailure(error -> message.set(ErrorText.of(error)))
                .showingBusy(busy)
                .executeWith(executor);
    }

    private record Opened(TaskDefinition revision, int newest) {}

    /** Reopens a saved draft: the text as it was, against its base revision. */
    public void openDraft(Draft saved) {
        title.set(saved.family() + " (draft)");
        edit(saved.json(), false);
        if (saved.baseArn() != null) {
            BackgroundTask.of(() -> provider.describeTaskDefinition(saved.baseArn()))
                    .onSuccess(td -> {
                        base.set(td);
                        newestAtOpen = td.revision();
                        title.set(td.familyRevision() + " (draft)");
                        showDiff();
                    })
                    .onFailure(error -> message.set("The draft's base revision is unreadable: " + ErrorText.of(error)))
                    .executeWith(executor);
        }
    }

    /** The text was typed: validate, diff, save the draft, and refresh the form when it parses. */
    public void textEdited(String newText) {
        edit(newText, true);
    }

    private void edit(String newText, boolean saveDraft) {
        text.set(newText);
        List<Problem> found = validator.validate(newText);
        problems.setAll(found);
        long errors = found.stream().filter(p -> p.severity() == Severity.ERROR).count();
        long warnings = found.size() - errors;
        hasErrors.set(errors > 0);
        summary.set(errors == 0 && warnings == 0 ? "Valid"
                : dev.ecsdeck.ui.common.Plural.of(errors, "error") + " · " + dev.ecsdeck.ui.common.Plural.of(warnings, "warning"));
        try {
            draft = TaskDefinitionDraft.parse(newText);
            formVersion.set(formVersion.get() + 1);
        } catch (IllegalArgumentException e) {
            // The form keeps showing the last parsable state until the JSON parses again.
        }
        showDiff();
        if (saveDraft && (base.get() == null || changed())) {
            saveDraft();
        } else if (saveDraft && base.get() != null) {
            // Edited back to the base revision: nothing is left to keep.
            drafts.delete(base.get().family());
        }
    }

    /** A form edit: applied to the draft, which rewrites the text. A value the form cannot read is refused in the message. */
    public void formEdited(Consumer<TaskDefinitionDraft> change) {
        if (draft == null) {
            return;
        }
        try {
            change.accept(draft);
        } catch (IllegalArgumentException | IllegalStateException e) {
            // A value the form cannot take, or a part of the JSON the form cannot edit until it is fixed there.
            message.set("Not applied: " + e.getMessage());
            formVersion.set(formVersion.get() + 1);
            return;
        }
        message.set("");
        edit(draft.toJson(), true);
    }

    private void saveDraft() {
        String family = draft != null && draft.family() != null ? draft.family() : base.get() == null ? null : base.get().family();
        drafts.save(new Draft(family, base.get() == null ? null : base.get().taskDefinitionArn(), text.get(), clock.instant()));
    }

    private void showDiff() {
        if (base.get() == null) {
            return;
        }
        diff.titles(base.get().familyRevision(), "Draft");
        diff.compare(base.get().json(), text.get());
    }

    /** Whether the draft differs from its base revision. */
    public boolean changed() {
        return base.get() != null && !diff.identical();
    }

    /**
     * Registers the draft as a new revision. Warns first when the family got a newer revision
     * since this editor opened. On failure the text stays and the error shows in place.
     */
    public void register() {
        if (registerDisabled.get()) {
            return;
        }
        String request = TaskDefinitionDocuments.toRegisterRequest(text.get());
        TaskDefinition from = base.get();
        message.set("Checking " + from.family() + " for newer revisions…");
        BackgroundTask.of(() -> provider.listTaskDefinitions(from.family(), false))
                .onSuccess(arns -> {
                    String newest = arns.isEmpty() ? null : arns.get(0);
                    if (newest != null && Arns.revision(newest) > Math.max(newestAtOpen, from.revision())
                            && !confirmer.confirm("Newer revision", Arns.familyRevision(newest) + " was registered since you opened "
                                    + from.familyRevision() + ". Register your draft as a newer revision anyway?")) {
                        message.set("Not registered: " + Arns.familyRevision(newest) + " is newer than your base.");
                        return;
                    }
                    checkImages(request, from);
                })
                .onFailure(error -> message.set(ErrorText.of(error)))
                .showingBusy(busy) // and the registration it starts, till that finishes
                .executeWith(executor);
    }

    /**
     * Before registering: each image in this account's ECR exists? A missing one is named and the user
     * goes back (the text kept) or registers anyway; a check that cannot run says so and registers.
     */
    private void checkImages(String request, TaskDefinition from) {
        if (!ImageVerification.anyInEcr(request)) {
            doRegister(request, "");
            return;
        }
        message.set("Checking the images in ECR…");
        BackgroundTask.of(() -> ImageVerification.check(provider, request, from.taskDefinitionArn()))
                .onSuccess(result -> {
                    if (!result.missing().isEmpty() && !confirmer.confirm(result.missing().size() == 1 ? "Image not found" : "Images not found",
                            ImageVerification.missingQuestion(result, "Register"), "Register anyway", "Go back")) {
                        message.set("Not registered: " + result.missingText() + " Your text is kept.");
                        return;
                    }
                    doRegister(request, ImageVerification.notCheckedNote(result));
                })
                .onFailure(error -> message.set(ErrorText.of(error)))
                .showingBusy(busy)
                .executeWith(executor);
    }

    private void doRegister(String request, String imageNote) {
        message.set("Registering…");
        BackgroundTask.of(() -> provider.registerTaskDefinition(request))
                .onSuccess(td -> {
                    drafts.delete(td.family());
                    base.set(td);
                    newestAtOpen = td.revision();
                    title.set(td.familyRevision());
                    message.set("Registered " + td.familyRevision() + "." + (imageNote.isEmpty() ? "" : " " + imageNote));
                    edit(TaskDefinitionDocuments.toRegisterRequest(td.json()), false);
                    onRegistered.accept(td);
                })
                .onFailure(error -> message.set("Not registered — " + ErrorText.of(error)
                        + (error instanceof InvalidInputException ie && ie.fieldPath() != null ? " (at " + ie.fieldPath() + ")" : "")
                        + ". Your text is kept."))
                .showingBusy(busy)
                .executeWith(executor);
    }

    /** Deregisters the base revision, after confirmation naming it. */
    public void deregister() {
        TaskDefinition td = base.get();
        if (td == null || readOnly.get() || !confirmer.confirm("Deregister " + td.familyRevision(),
                "Deregister task definition " + td.familyRevision() + "? Running tasks keep running; no new ones can start from it.")) {
            return;
        }
        BackgroundTask.of(() -> provider.deregisterTaskDefinition(td.taskDefinitionArn()))
                .onSuccess(done -> {
                    base.set(done);
                    message.set(done.familyRevision() + " is now " + done.status() + ".");
                })
                .onFailure(error -> message.set(ErrorText.of(error)))
                .showingBusy(busy)
                .executeWith(executor);
    }

    public TaskDefinitionDraft draft() {
        return draft;
    }

    public ReadOnlyObjectProperty<TaskDefinition> baseProperty() {
        return base;
    }

    public ReadOnlyStringProperty textProperty() {
        return text;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary;
    }

    public ObservableList<Problem> problems() {
        return problems;
    }

    public DiffViewModel diff() {
        return diff;
    }

    public BooleanBinding registerDisabledProperty() {
        return registerDisabled;
    }

    /** Changes when the draft was replaced by a parse: the form re-reads its fields. */
    public ReadOnlyIntegerProperty formVersionProperty() {
        return formVersion;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.property();
    }

    public ObservableBooleanValue readOnly() {
        return readOnly;
    }
}
