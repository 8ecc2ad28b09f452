package dev.ecsdeck.ui.taskdef;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.model.EcsService;
import dev.ecsdeck.model.EcsTask;
import dev.ecsdeck.model.TaskDefinition;
import dev.ecsdeck.provider.EcsProvider;
import dev.ecsdeck.provider.ReadOnlyEcsProvider;
import dev.ecsdeck.provider.TaskFilter;
import dev.ecsdeck.provider.sim.SimProvider;
import dev.ecsdeck.sim.DemoSim;
import dev.ecsdeck.sim.ManualClock;
import dev.ecsdeck.ui.common.CurrentThreadTaskExecutor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeployViewModelTest {
    private final DemoSim sim = new DemoSim();
    private final ManualClock clock = sim.clock;
    private final SimProvider backend = sim.provider;
    private final SimpleBooleanProperty readOnly = new SimpleBooleanProperty(false);
    private final EcsProvider provider = new ReadOnlyEcsProvider(backend, readOnly::get);
    private final List<String> questions = new ArrayList<>();
    private boolean answer = true;
    private final RolloutViewModel rollout = new RolloutViewModel(provider, new CurrentThreadTaskExecutor());
    private final DeployViewModel deploy = deployViewModel();

    /** The confirmations (force new deployment) and the deploy questions are answered alike: with {@link #answer}. */
    private DeployViewModel deployViewModel() {
        DeployViewModel d = new DeployViewModel(provider, new CurrentThreadTaskExecutor(), (title, message) -> {
            questions.add(message);
            return answer;
        }, readOnly, rollout);
        d.askWith(question -> {
            questions.add(question.asText());
            if (answer) {
                question.deploy();
            } else {
                question.cancel();
            }
        });
        return d;
    }

    @AfterEach
    void close() {
        backend.close();
    }

    private TaskDefinition registerOrdersApi(String tag) {
        String json = backend.describeTaskDefinition("orders-api:1").json().replace("orders-api:3.4.1", "orders-api:" + tag);
        return backend.registerTaskDefinition(json);
    }

    private DeployViewModel.Target target(String cluster, String service) {
        return deploy.targets().stream().filter(t -> t.cluster().equals(cluster) && t.service().equals(service)).findFirst().orElseThrow();
    }

    /** Moves simulated time on and polls, as the view's two-second timer does, until the rollout ends. */
    private void followUntilDone() {
        for (int i = 0; i < 300 && rollout.followingProperty().get(); i++) {
            clock.advance(Duration.ofSeconds(2));
            rollout.poll();
        }
        assertFalse(rollout.followingProperty().get(), "the rollout ended within 10 simulated minutes: " + rollout.headlineProperty().get());
    }

    private List<String> runningRevisions(String cluster, String service) {
        return backend.listTasks(cluster, TaskFilter.ofService(service)).stream().filter(t -> "RUNNING".equals(t.lastStatus()))
                .map(EcsTask::taskDefinitionArn).map(dev.ecsdeck.model.Arns::familyRevision).distinct().toList();
    }

    @Test
    void findsEveryServiceThatRunsTheFamily() {
        deploy.findTargets("web");
        assertEquals(List.of("prod-web/web", "staging/web"), deploy.targets().stream().map(t -> t.cluster() + "/" + t.service()).sorted().toList());
        assertThat(deploy.targets().get(0).label(), containsString("runs web:1"));
        deploy.findTargets("no-such-family");
        assertEquals(List.of(), deploy.targets());
        assertEquals("No service runs no-such-family.", deploy.statusProperty().get());
    }

    @Test
    void deploysAfterShowingTheDiffAndRolloutRulesThenFollowsTheRolloutAndRollsBack() {
        TaskDefinition next = registerOrdersApi("3.4.2");
        deploy.findTargets("orders-api");
        DeployViewModel.Target prod = target("prod-web", "orders-api");
        List<dev.ecsdeck.model.EcsService> told = new java.util.ArrayList<>();
        deploy.onServiceUpdated(told::add);

        deploy.deploy(prod, next);

        assertEquals(List.of("orders-api:3"), told.stream().map(s -> dev.ecsdeck.model.Arns.familyRevision(s.taskDefinition())).toList(),
                "the service as UpdateService returned it goes to the window (its service panel)");
        assertEquals(1, questions.size());
        String question = questions.get(0);
        assertThat(question, containsString("Deploy orders-api:3 to service orders-api in prod-web? It runs orders-api:1 now."));
        assertThat(question, containsString("3.4.1"));
        assertThat(question, containsString("3.4.2"));
        assertThat(question, containsString("Strategy: Rolling"));
        assertThat(question, containsString("keeping at least 3 healthy (100%) and at most 6 running (200%); circuit breaker on, with rollback"));
        assertTrue(rollout.followingProperty().get());
        assertEquals("IN_PROGRESS", rollout.stateProperty().get());
        assertEquals(2, rollout.deployments().size(), "the new primary and the old one draining");

        followUntilDone();
        assertEquals("COMPLETED", rollout.stateProperty().get());
        assertEquals("orders-api:3 is deployed: 3 of 3 running.", rollout.headlineProperty().get());
        assertThat(rollout.events().get(0).message(), containsString("deployment completed"));
        assertEquals(List.of("orders-api:3"), runningRevisions("prod-web", "orders-api"));

        deploy.rollBack();
        assertEquals(2, questions.size());
        assertThat(questions.get(1), containsString("Deploy orders-api:1 to service orders-api in prod-web? It runs orders-api:3 now."));
        followUntilDone();
        assertEquals("COMPLETED", rollout.stateProperty().get());
        assertEquals(List.of("orders-api:1"), runningRevisions("prod-web", "orders-api"));
        EcsService after = backend.describeServices("prod-web", List.of("orders-api")).get(0);
        assertThat(after.taskDefinition(), containsString("orders-api:1"));
    }

    @Test
    void aCrashingRevisionIsReportedFailedWhenTheCircuitBreakerRollsBack() {
        deploy.findTargets("payments");
        DeployViewModel.Target prod = target("prod-web", "payments");
        assertThat(prod.label(), containsString("runs payments:1"));
        deploy.deploy(prod, backend.describeTaskDefinition("payments:2"));
        followUntilDone();
        assertEquals("FAILED", rollout.stateProperty().get());
        assertThat(rollout.headlineProperty().get(), containsString("payments:2"));
        assertTrue(rollout.events().stream().anyMatch(e -> e.message().contains("deployment failed: tasks failed to start")));
        assertTrue(rollout.events().stream().anyMatch(e -> e.message().contains("rolling back to deployment")));
        assertEquals(List.of("payments:1"), runningRevisions("prod-web", "payments"));
    }

    @Test
    void declinedOrReadOnlyDeploysChangeNothing() {
        TaskDefinition next = registerOrdersApi("3.4.2");
        deploy.findTargets("orders-api");
        DeployViewModel.Target prod = target("prod-web", "orders-api");
        answer = false;
        deploy.deploy(prod, next);
        assertEquals("Not deployed.", deploy.statusProperty().get());
        assertFalse(rollout.followingProperty().get());

        readOnly.set(true);
        answer = true;
        deploy.deploy(prod, next);
        deploy.forceNewDeployment(prod);
        assertEquals(1, questions.size(), "read-only: not even asked");
        assertThat(backend.describeServices("prod-web", List.of("orders-api")).get(0).taskDefinition(), containsString("orders-api:1"));
    }

    @Test
    void forceNewDeploymentReplacesTheTasksWithTheSameRevision() {
        deploy.findTargets("orders-api");
        DeployViewModel.Target prod = target("prod-web", "orders-api");
        List<String> before = backend.listTasks("prod-web", TaskFilter.ofService("orders-api")).stream().map(EcsTask::taskArn).toList();
        deploy.forceNewDeployment(prod);
        assertThat(questions.get(0), containsString("Every task is replaced by a new one of orders-api:1"));
        followUntilDone();
        assertEquals("COMPLETED", rollout.stateProperty().get());
        List<EcsTask> after = backend.listTasks("prod-web", TaskFilter.ofService("orders-api"));
        assertEquals(3, after.size());
        assertTrue(after.stream().noneMatch(t -> before.contains(t.taskArn())), "every task is new");
        assertEquals(List.of("orders-api:1"), runningRevisions("prod-web", "orders-api"));
    }

    @Test
    void aLongListOfChangesIsShortenedInTheQuestion() {
        String thirty = java.util.stream.IntStream.range(0, 30).mapToObj(i -> "~ path" + i).collect(java.util.stream.Collectors.joining("\n"));
        String shown = dev.ecsdeck.ui.deploy.DeployQuestion.shortened(thirty);
        assertEquals(25 + 1, shown.lines().count());
        assertThat(shown, containsString("… and 5 more changed paths"));
        assertEquals("~ a\n~ b", dev.ecsdeck.ui.deploy.DeployQuestion.shortened("~ a\n~ b"));
    }
}
