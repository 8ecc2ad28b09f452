package dev.ecsdeck.ui.deploy;

import dev.ecsdeck.model.Arns;
import dev.ecsdeck.model.EcsService;
import dev.ecsdeck.model.TaskDefinition;
import dev.ecsdeck.provider.EcsProvider;
import dev.ecsdeck.provider.ServiceUpdate;
import dev.ecsdeck.taskdef.RevisionDiff;
import dev.ecsdeck.ui.common.BackgroundTask;
import dev.ecsdeck.ui.common.ErrorText;
import dev.ecsdeck.ui.common.TaskExecutor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The deploy question for one service: which revision (fixed by the editor, or picked from the
 * family's, newest first, the running one marked), with which strategy, the changes against the
 * running revision and the plan; Deploy sends UpdateService with the revision and the strategy's
 * configuration. It stays open on a failed call, with the error and the user's choices.
 */
public final class DeployQuestion {
    static final int CHANGE_LINES = 25;

    /** A revision that can be picked; {@code running} marks the one the service runs. */
    public record RevisionChoice(String taskDefinitionArn, boolean running) {
        public String label() {
            return Arns.familyRevision(taskDefinitionArn) + (running ? " (running)" : "");
        }
    }

    /** What the question is about, as read in the background. */
    private record Facts(EcsService service, TaskDefinition running, List<RevisionChoice> offered) {}

    /**
     * A deploy that UpdateService accepted: the service as it returned it, what it deploys, what it
     * ran, and the line that says the images could not be checked (empty when they were, or none is in ECR).
     */
    public record Deployed(EcsService service, String deployedArn, String previousArn, String imageNote) {}

    private final EcsProvider provider;
    private final TaskExecutor executor;
    private final ObservableBooleanValue readOnly;
    private final String cluster;
    private final TaskDefinition running;
    private final DeployStrategyViewModel strategy;
    private final ObservableList<RevisionChoice> revisions = FXCollections.observableArrayList();
    private final ObjectProperty<RevisionChoice> chosen = new SimpleObjectProperty<>();
    private final Map<String, TaskDefinition> read = new HashMap<>();
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper changes = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper imageWarning = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper comparing = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper finished = new ReadOnlyBooleanWrapper(false);
    private final BooleanBinding deployDisabled;
    private Consumer<Deployed> onDeployed = d -> { };
    private Runnable onCancelled = () -> { };

    private DeployQuestion(EcsProvider provider, TaskExecutor executor, ObservableBooleanValue readOnly, String cluster, EcsService service,
            TaskDefinition running, List<RevisionChoice> offered) {
        this.provider = provider;
        this.executor = executor;
        this.readOnly = readOnly;
        this.cluster = cluster;
        this.running = running;
        this.strategy = new DeployStrategyViewModel(service);
        read.put(running.taskDefinitionArn(), running);
        revisions.setAll(offered);
        deployDisabled = Bindings.createBooleanBinding(() -> readOnly.get() || busy.get() || finished.get() || comparing.get()
                || chosen.get() == null || !strategy.validProperty().get(), readOnly, busy, finished, comparing, chosen, strategy.validProperty());
        chosen.addListener((obs, was, now) -> compare(now));
    }

    /**
     * Reads the service and what it runs (and, without a {@code revision}, the family's revisions to
     * pick from), then hands the question to {@code ask} on the UI thread; {@code failed} hears why not.
     */
    public static void open(EcsProvider provider, TaskExecutor executor, ObservableBooleanValue readOnly, String cluster, String service,
            TaskDefinition revision, Consumer<DeployQuestion> ask, Consumer<Throwable> failed) {
        BackgroundTask.of(() -> {
            List<EcsService> found = provider.describeServices(cluster, List.of(service));
            if (found.isEmpty()) {
                throw new IllegalStateException("Service " + service + " in " + cluster + " is gone.");
            }
            EcsService s = found.get(0);
            TaskDefinition runs = provider.describeTaskDefinition(s.taskDefinition());
            List<RevisionChoice> offered = new ArrayList<>();
            if (revision != null) {
                offered.add(new RevisionChoice(revision.taskDefinitionArn(), revision.taskDefinitionArn().equals(runs.taskDefinitionArn())));
            } else {
                provider.listTaskDefinitions(runs.family(), false).stream()
                        .sorted(Comparator.comparingInt(DeployQuestion::revisionNumber).reversed())
                        .forEach(arn -> offered.add(new RevisionChoice(arn, arn.equals(runs.taskDefinitionArn()))));
            }
            return new Facts(s, runs, offered);
        }).onSuccess(facts -> {
            // Made here, on the UI thread: its bindings listen to the window's read-only flag.
            DeployQuestion question = new DeployQuestion(provider, executor, readOnly, cluster, facts.service(), facts.running(), facts.offered());
            if (revision != null) {
                question.read.put(revision.taskDefinitionArn(), revision);
            }
            // The newest revision the service does not run yet, else the one it runs.
            question.chosen.set(question.revisions.stream().filter(r -> !r.running()).findFirst()
                    .orElse(question.revisions.isEmpty() ? null : question.revisions.get(0)));
            ask.accept(question);
        }).onFailure(failed).executeWith(executor);
    }

    private static int revisionNumber(String arn) {
        String fr = Arns.familyRevision(arn);
        return Integer.parseInt(fr.substring(fr.lastIndexOf(':') + 1));
    }

    /** Reads the chosen revision (once) and shows what changes against the running one. */
    private void compare(RevisionChoice choice) {
        status.set("");
        imageWarning.set("");
        if (choice == null) {
            headline.set("");
            changes.set("");
            return;
        }
        String service = strategy.service().serviceName();
        String name = Arns.familyRevision(choice.taskDefinitionArn());
        headline.set(choice.running()
                ? "Deploy " + name + " again to service " + service + " in " + cluster + "? It runs it now: every task is replaced."
                : "Deploy " + name + " to service " + service + " in " + cluster + "? It runs " + running.familyRevision() + " now.");
        TaskDefinition known = read.get(choice.taskDefinitionArn());
        if (known != null) {
            changes.set(changesTo(known));
            return;
        }
        comparing.set(true);
        changes.set("Reading " + name + "…");
        BackgroundTask.of(() -> provider.describeTaskDefinition(choice.taskDefinitionArn()))
                .onSuccess(td -> {
                    read.put(choice.taskDefinitionArn(), td);
                    if (choice.equals(chosen.get())) {
                        changes.set(changesTo(td));
                    }
                })
                .onFailure(error -> changes.set("Could not read " + name + ": " + ErrorText.of(error)))
                .onFinished(() -> comparing.set(false))
                .executeWith(executor);
    }

    private String changesTo(TaskDefinition revision) {
        String text = RevisionDiff.compare(running.json(), revision.json()).asText(true);
        return text.isBlank() ? "(none: the same task definition)" : shortened(text);
    }

    /** At most {@value #CHANGE_LINES} lines of changes, so the question fits on the screen. */
    public static String shortened(String changes) {
        List<String> lines = changes.lines().toList();
        if (lines.size() <= CHANGE_LINES) {
            return changes;
        }
        return String.join("\n", lines.subList(0, CHANGE_LINES)) + "\n… and " + (lines.size() - CHANGE_LINES)
                + " more changed paths (compare the revisions in the Task definitions tab)";
    }

    /**
     * Checks the chosen revision's images in ECR, then sends UpdateService with it and the strategy; on
     * success the question is finished. A missing image stops it here, named in {@link #imageWarningProperty()}:
     * the user cancels (and fixes it) or deploys anyway. A check that cannot run says so after the deploy.
     */
    public void deploy() {
        RevisionChoice choice = chosen.get();
        if (deployDisabled.get() || strategy.configurationProperty().get() == null) {
            return;
        }
        TaskDefinition revision = read.get(choice.taskDefinitionArn());
        if (revision == null || !ImageVerification.anyInEcr(revision.json())) {
            update(choice, "");
            return;
        }
        busy.set(true);
        imageWarning.set("");
        status.set("Checking the images of " + Arns.familyRevision(choice.taskDefinitionArn()) + " in ECR…");
        BackgroundTask.of(() -> ImageVerification.check(provider, revision.json(), revision.taskDefinitionArn()))
                .onSuccess(result -> {
                    busy.set(false);
                    if (!choice.equals(chosen.get()) || finished.get()) {
                        status.set("");
                        return;
                    }
                    if (!result.missing().isEmpty()) {
                        imageWarning.set(result.missingText());
                        status.set("Not deployed: tasks cannot start from an image that is not there. Cancel to go back and fix it, "
                                + "or press Deploy anyway.");
                        return;
                    }
                    update(choice, ImageVerification.notCheckedNote(result));
                })
                .onFailure(error -> {
                    busy.set(false);
                    status.set("Not deployed: " + ErrorText.of(error) + " Your choices are kept.");
                })
                .executeWith(executor);
    }

    /** After the image warning: deploys the chosen revision as it is. */
    public void deployAnyway() {
        if (deployDisabled.get() || imageWarning.get().isEmpty() || strategy.configurationProperty().get() == null) {
            return;
        }
        update(chosen.get(), "");
    }

    private void update(RevisionChoice choice, String imageNote) {
        var configuration = strategy.configurationProperty().get();
        String service = strategy.service().serviceName();
        // The running revision again deploys only when forced; another one deploys by itself.
        ServiceUpdate update = new ServiceUpdate(cluster, service, null, choice.taskDefinitionArn(), choice.running(), configuration);
        busy.set(true);
        status.set("Deploying " + Arns.familyRevision(choice.taskDefinitionArn()) + " to " + service + "…");
        BackgroundTask.of(() -> provider.updateService(update))
                .onSuccess(updated -> {
                    status.set("");
                    finished.set(true);
                    onDeployed.accept(new Deployed(updated, choice.taskDefinitionArn(), running.taskDefinitionArn(), imageNote));
                })
                .onFailure(error -> status.set("Not deployed: " + ErrorText.of(error) + " Your choices are kept."))
                .onFinished(() -> busy.set(false))
                .executeWith(executor);
    }

    /** The user said no. */
    public void cancel() {
        if (!finished.get()) {
            finished.set(true);
            onCancelled.run();
        }
    }

    /** Who hears of a deploy UpdateService accepted. */
    public void onDeployed(Consumer<Deployed> handler) {
        this.onDeployed = handler;
    }

    public void onCancelled(Runnable handler) {
        this.onCancelled = handler;
    }

    /** The whole question as text: the headline, the changes, the strategy and the plan (for tests and the log of what was asked). */
    public String asText() {
        DeploymentPlan plan = strategy.planProperty().get();
        return headline.get() + "\n\nChanges:\n" + changes.get() + "\n\nStrategy: " + strategy.strategyProperty().get().label
                + "\nPlan:\n" + (plan == null ? strategy.problemsProperty().get() : plan.asText());
    }

    public String cluster() {
        return cluster;
    }

    public TaskDefinition running() {
        return running;
    }

    public DeployStrategyViewModel strategy() {
        return strategy;
    }

    /** The revisions to pick from (one when the editor fixed it). */
    public ObservableList<RevisionChoice> revisions() {
        return revisions;
    }

    public ObjectProperty<RevisionChoice> chosenProperty() {
        return chosen;
    }

    public ReadOnlyStringProperty headlineProperty() {
        return headline.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty changesProperty() {
        return changes.getReadOnlyProperty();
    }

    /** The call under way or why it failed. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The containers whose images are not in ECR, one a line; empty when none is known missing. */
    public ReadOnlyStringProperty imageWarningProperty() {
        return imageWarning.getReadOnlyProperty();
    }

    /** True once deployed or cancelled: the dialog closes. */
    public ReadOnlyBooleanProperty finishedProperty() {
        return finished.getReadOnlyProperty();
    }

    public BooleanBinding deployDisabledProperty() {
        return deployDisabled;
    }

    public ObservableBooleanValue readOnly() {
        return readOnly;
    }
}
