package dev.ecsdeck.ui.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.model.EcsService;
import dev.ecsdeck.model.EcsTask;
import dev.ecsdeck.provider.TaskFilter;
import dev.ecsdeck.ui.common.Confirmer;
import dev.ecsdeck.ui.common.CurrentThreadTaskExecutor;
import dev.ecsdeck.ui.detail.DetailViewModel;
import dev.ecsdeck.ui.taskdef.DraftStore;
import dev.ecsdeck.ui.taskdef.RevisionRow;
import dev.ecsdeck.ui.taskdef.RevisionsViewModel;
import dev.ecsdeck.ui.taskdef.TaskDefinitionEditorViewModel;
import dev.ecsdeck.ui.tree.TreeEntry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit of every destructive action in the UI: stop a task (tree context menu / Delete key and
 * detail pane, which share {@link DetailViewModel#stopTask}, and the service panel's task list),
 * deregister a revision (revisions browser and editor), scale to 0 (typed confirmation) and delete
 * a scaling policy. Each asks first, its question names the target (the task, revision, service,
 * policy and cluster), and answering no changes nothing.
 */
class DestructiveActionsAskFirstTest {
    @TempDir
    Path dir;
    private final ServiceTestSim sim = new ServiceTestSim();
    private final List<String> asked = new ArrayList<>();
    /** Records the question (title and message) and says no. */
    private final Confirmer no = (title, message) -> {
        asked.add(title + "\n" + message);
        return false;
    };
    private final ServicePanelContext context = new ServicePanelContext(sim.provider, new CurrentThreadTaskExecutor(), no,
            (title, message, expected) -> {
                asked.add(title + "\n" + message + "\n[type " + expected + "]");
                return false;
            }, sim.readOnly, () -> sim.clock.now().toEpochMilli());

    @AfterEach
    void close() {
        sim.close();
    }

    private String onlyQuestion() {
        assertEquals(1, asked.size(), "asked once: " + asked);
        String q = asked.remove(0);
        return q;
    }

    private static void assertNames(String question, String... targets) {
        for (String t : targets) {
            assertTrue(question.contains(t), "the question names " + t + ": " + question);
        }
    }

    private List<EcsTask> webTasks() {
        return sim.backend.listTasks("prod-web", TaskFilter.ofService("web"));
    }

    @Test
    void stoppingATaskFromTheTreeOrTheDetailPaneNamesTheTaskAndCluster() {
        EcsTask task = webTasks().get(0);
        DetailViewModel detail = new DetailViewModel(sim.provider, new CurrentThreadTaskExecutor(), no, sim.readOnly);
        detail.show(new TreeEntry.TaskEntry("prod-web", task));
        detail.stopTask();
        assertNames(onlyQuestion(), task.taskId(), "prod-web", "service:web");
        assertEquals(4, webTasks().size(), "nothing stopped");
    }

    @Test
    void stoppingATaskFromTheServicePanelNamesTheTaskServiceAndCluster() {
        SimpleObjectProperty<EcsService> service = new SimpleObjectProperty<>(sim.service("prod-web", "web"));
        ServiceTasksViewModel tasks = new ServiceTasksViewModel(context, new ServiceRef("prod-web", "web"), service);
        tasks.refresh();
        ServiceTasksViewModel.TaskRow row = tasks.rows().get(0);
        tasks.stop(row);
        assertNames(onlyQuestion(), "Stop task", row.taskId(), "service web", "prod-web");
        assertEquals(4, webTasks().size(), "nothing stopped");
    }

    @Test
    void deregisteringARevisionNamesItInTheBrowserAndTheEditor() {
        RevisionsViewModel revisions = new RevisionsViewModel(sim.provider, new CurrentThreadTaskExecutor(), no, sim.readOnly);
        revisions.refresh();
        revisions.select("orders-api");
        RevisionRow row = revisions.revisions().get(0);
        revisions.deregister(row);
        assertNames(onlyQuestion(), "Deregister", row.familyRevision());

        TaskDefinitionEditorViewModel editor = new TaskDefinitionEditorViewModel(sim.provider, new CurrentThreadTaskExecutor(), no,
                sim.readOnly, new DraftStore(dir.resolve("drafts")), Clock.systemUTC());
        editor.open("checkout");
        String revision = editor.baseProperty().get().familyRevision();
        editor.deregister();
        assertNames(onlyQuestion(), "Deregister", revision);
        assertEquals("ACTIVE", sim.backend.describeTaskDefinition(row.taskDefinitionArn()).status());
        assertEquals("ACTIVE", sim.backend.describeTaskDefinition(revision).status(), "nothing deregistered");
    }

    @Test
    void scalingToZeroAsksForTheServiceNameTyped() {
        ServicePanelViewModel panel = new ServicePanelViewModel(context, new ServiceRef("prod-web", "web"));
        ServiceScaler scaler = panel.add(new ServiceScaler(context, panel.ref(), panel.current()));
        panel.poll();
        scaler.desiredProperty().set(0);
        scaler.apply();
        assertNames(onlyQuestion(), "service web", "prod-web", "from 4 to 0", "[type web]");
        assertEquals(4, sim.service("prod-web", "web").desiredCount(), "not scaled");
    }

    @Test
    void deletingAScalingPolicyNamesThePolicyServiceAndCluster() {
        CurrentService service = new CurrentService(sim.service("prod-web", "orders-api"));
        AutoScalingViewModel scaling = new AutoScalingViewModel(context, new ServiceRef("prod-web", "orders-api"), service);
        scaling.refresh();
        AutoScalingViewModel.PolicyRow policy = scaling.policies().get(0);
        scaling.delete(policy);
        assertNames(onlyQuestion(), "Delete", policy.name(), "orders-api", "prod-web");
        assertEquals(scaling.policies().size(), sim.backend.describeScaling("prod-web", "orders-api").policies().size(), "nothing deleted");
    }
}
