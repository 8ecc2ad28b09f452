package dev.ecsdeck.ui.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.model.ServiceDeployment;
import dev.ecsdeck.provider.ForwardingEcsProvider;
import dev.ecsdeck.ui.common.CurrentThreadTaskExecutor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The history's reads (what it describes again), the hook's Roll back question, read-only, and a timeline that follows on its own. */
class DeploymentHistoryViewModelTest {
    private final ServiceTestSim sim = new ServiceTestSim();
    private final List<List<String>> described = new ArrayList<>();
    private final ServicePanelContext context = new ServicePanelContext(new ForwardingEcsProvider(sim.provider) {
        @Override
        public List<ServiceDeployment> describeServiceDeployments(List<String> arns) {
            described.add(List.copyOf(arns));
            return super.describeServiceDeployments(arns);
        }
    }, new CurrentThreadTaskExecutor(), sim.context.confirmer(), sim.context.typedConfirmer(), sim.readOnly, sim.context.nowMillis());

    @AfterEach
    void close() {
        sim.close();
    }

    private ServicePanelViewModel panel(String service) {
        return new ServicePanelViewModel(context, new ServiceRef("prod-web", service));
    }

    @Test
    void listsNewestFirstAndDescribesAgainOnlyWhatIsInFlight() {
        ServicePanelViewModel panel = panel("checkout");
        DeploymentHistoryViewModel history = panel.add(new DeploymentHistoryViewModel(context, panel.ref(), panel.current()));
        panel.poll();
        assertEquals(List.of("checkout:1 → checkout:2", "— → checkout:1"), history.rows().stream().map(DeploymentHistoryRow::revisions).toList());
        assertEquals(2, described.get(0).size(), "both described once");
        String inFlight = history.rows().get(0).arn();
        panel.poll();
        assertEquals(List.of(inFlight), described.get(1), "then only the one in flight");
        assertEquals("Canary deployment checkout:1 → checkout:2", history.timeline().timelineProperty().get().title(),
                "the timeline shows the one in flight");
    }

    @Test
    void rollingBackAtTheHookAsksFirstAndCancelDoesNothing() {
        ServicePanelViewModel panel = panel("checkout");
        DeploymentHistoryViewModel history = panel.add(new DeploymentHistoryViewModel(context, panel.ref(), panel.current()));
        panel.poll();
        DeploymentTimelineViewModel timeline = history.timeline();
        String hook = timeline.timelineProperty().get().hooks().stream().filter(DeploymentTimeline.Hook::awaitingAction).findFirst().orElseThrow()
                .hookId();
        sim.answer = false;
        timeline.rollBackAt(hook);
        assertEquals("Roll back the deployment of checkout from checkout:1 to checkout:2 at the paused hook, returning to checkout:1?",
                sim.questions.get(0));
        assertEquals("Not rolled back.", timeline.messageProperty().get());
        sim.run(panel, Duration.ofSeconds(10), Duration.ofSeconds(2));
        assertEquals("IN_PROGRESS", history.rows().get(0).status());

        sim.answer = true;
        timeline.rollBackAt(hook);
        sim.run(panel, Duration.ofMinutes(3), Duration.ofSeconds(10));
        assertEquals("ROLLBACK_SUCCESSFUL", history.rows().get(0).status());
        assertEquals("Rolled back by a user at a lifecycle hook", history.rows().get(0).reason());
    }

    @Test
    void readOnlyLeavesTheDeploymentAlone() {
        ServicePanelViewModel panel = panel("checkout");
        DeploymentHistoryViewModel history = panel.add(new DeploymentHistoryViewModel(context, panel.ref(), panel.current()));
        panel.poll();
        sim.readOnly.set(true);
        DeploymentTimelineViewModel timeline = history.timeline();
        assertTrue(timeline.actionsOffProperty().get());
        timeline.stopAndRollBack();
        timeline.continueAt(timeline.timelineProperty().get().hooks().get(1).hookId());
        assertTrue(sim.questions.isEmpty(), "nothing asked");
        panel.poll();
        assertEquals("IN_PROGRESS", history.rows().get(0).status());
        assertEquals("Post test traffic shift", history.rows().get(0).stage());
    }

    @Test
    void aTimelineOnItsOwnFollowsTheNewestDeployment() {
        DeploymentTimelineViewModel timeline = DeploymentTimelineViewModel.following(context, new ServiceRef("prod-web", "catalog"), null);
        timeline.refresh();
        DeploymentTimeline t = timeline.timelineProperty().get();
        assertEquals("Blue/green deployment catalog:1 → catalog:2", t.title());
        assertTrue(t.countdown().startsWith("Bake time:"), t.countdown());
        assertEquals("catalog:1 0% · catalog:2 100%", t.traffic().get(0).label());
    }
}
